import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { type DrillRequest } from '../../core/state/drill-request';
import { ThemeService } from '../theme/theme.service';

export type CardState = 'loading' | 'ready' | 'empty' | 'error';

export interface TableRow {
  readonly cells: readonly string[];
  /** When set, the row has a "Events" button opening the matching raw events. */
  readonly drill?: DrillRequest;
}

export interface TableModel {
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** The click of a chart element, reduced to what widgets use. */
export interface ChartClick {
  readonly seriesIndex?: number;
  readonly dataIndex: number;
  readonly name?: string;
  readonly value?: unknown;
}

let nextId = 0;

/**
 * A widget's frame: title, loading / empty / error states that say what to do, the chart, and the
 * same numbers as a table (keyboard and screen reader users get every value and every drill-down).
 * `options` is the chart's skeleton; `data` is merged into it, so a live update redraws the data
 * only (no re-creation, no flicker).
 */
@Component({
  selector: 'tp-chart-card',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chart-card.component.html',
  styleUrl: './chart-card.component.css',
})
export class ChartCardComponent {
  protected readonly theme = inject(ThemeService);
  protected readonly headingId = `chart-card-${nextId++}`;
  protected readonly showTable = signal(false);

  readonly heading = input.required<string>();
  readonly subtitle = input<string>('');
  readonly state = input<CardState>('ready');
  /** For the empty and error states: what happened and what to do. */
  readonly message = input<string>('');
  readonly options = input<EChartsCoreOption | null>(null);
  readonly data = input<EChartsCoreOption | null>(null);
  /** One sentence describing the chart for screen readers. */
  readonly summary = input<string>('');
  readonly table = input<TableModel>({ columns: [], rows: [] });
  /** A short headline figure shown next to the title (e.g. the current value). */
  readonly figure = input<string>('');

  readonly chartClick = output<ChartClick>();
  readonly drill = output<DrillRequest>();
  readonly retry = output<void>();

  protected onChartClick(event: { seriesIndex?: number; dataIndex: number; name?: string; value?: unknown }): void {
    this.chartClick.emit({ ...(event.seriesIndex === undefined ? {} : { seriesIndex: event.seriesIndex }), dataIndex: event.dataIndex, ...(event.name === undefined ? {} : { name: event.name }), value: event.value });
  }
}
