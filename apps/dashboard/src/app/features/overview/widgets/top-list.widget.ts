import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatExact } from '../../../shared/format/format-number';
import { mergeTopLists, type TopListName } from '../aggregate';
import { rankedBarsBase } from '../chart-options';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { topKeyFilter } from './drill';

/** A top-10 list over the range (top API calls, principals or source IPs) as ranked bars. */
@Component({
  selector: 'tp-top-list-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    [heading]="heading()"
    [subtitle]="subtitle()"
    [state]="state()"
    [message]="message()"
    [options]="base"
    [data]="chartData()"
    [summary]="summary()"
    [table]="table()"
    (chartClick)="onClick($event)"
    (drill)="drill.emit($event)"
  />`,
})
export class TopListWidgetComponent {
  readonly data = input.required<OverviewData>();
  readonly list = input.required<TopListName>();
  readonly heading = input.required<string>();
  /** What a key is, for the drill-down title ("API call", "principal", "source IP"). */
  readonly noun = input.required<string>();
  readonly drill = output<DrillRequest>();

  protected readonly base = rankedBarsBase();
  readonly merged = computed(() => mergeTopLists(this.data().windows, this.list()));

  protected readonly state = computed(() => widgetState(this.data(), this.merged().entries.length > 0));
  protected readonly message = computed(() => widgetMessage(this.data()));
  protected readonly subtitle = computed(() =>
    this.merged().exact ? 'Whole range, exact' : "Whole range, summed from each window's top 10: a key's count may be low",
  );

  readonly chartData = computed<EChartsCoreOption>(() => {
    const entries = this.merged().entries;
    return { yAxis: { data: entries.map((entry) => entry.key) }, series: [{ data: entries.map((entry) => entry.count) }] };
  });

  protected readonly summary = computed(
    () => `${this.heading()}: ${this.merged().entries.map((entry) => `${entry.key} ${formatExact(entry.count)}`).join(', ')}.`,
  );

  protected readonly table = computed<TableModel>(() => ({
    columns: ['#', this.noun(), 'Calls'],
    rows: this.merged().entries.map((entry, index) => ({
      cells: [String(index + 1), entry.key, formatExact(entry.count)],
      drill: this.drillFor(entry.key),
    })),
  }));

  protected onClick(click: ChartClick): void {
    const entry = this.merged().entries[click.dataIndex];
    if (entry !== undefined) this.drill.emit(this.drillFor(entry.key));
  }

  private drillFor(key: string): DrillRequest {
    const data = this.data();
    const first = data.buckets[0];
    const last = data.buckets[data.buckets.length - 1];
    return {
      title: `${this.noun()} ${key}`,
      fromMs: first?.startMs ?? 0,
      toMs: last?.endMs ?? 0,
      filters: { ...data.filters, ...topKeyFilter(this.list(), key) },
    };
  }
}
