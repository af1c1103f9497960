import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatExact } from '../../../shared/format/format-number';
import { CATEGORIES, type Category } from '../aggregate';
import { bucketLabel, timeSeriesBase } from '../chart-options';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { bucketDrill } from './drill';

const LABELS: Record<Category, string> = { create: 'Create', modify: 'Modify', delete: 'Delete', read: 'Read', other: 'Other' };

/**
 * Create / modify / delete activity over time, stacked (read and other are one legend click away).
 * The API gives categories per window for all services together (`callsByCategory`), not per
 * service; the service heatmap next to it shows which services were busy.
 */
@Component({
  selector: 'tp-change-activity-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    heading="Create / modify / delete activity"
    subtitle="All services; reads hidden (click the legend to show)"
    [figure]="figure()"
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
export class ChangeActivityWidgetComponent {
  readonly data = input.required<OverviewData>();
  readonly drill = output<DrillRequest>();

  protected readonly base = {
    ...timeSeriesBase({ legend: true }),
    legend: { top: 0, selected: { Read: false, Other: false } },
    series: CATEGORIES.map((category) => ({ type: 'bar', name: LABELS[category], stack: 'category', barMaxWidth: 14 })),
  };

  readonly totals = computed(() => {
    const totals: Record<Category, number> = { create: 0, modify: 0, delete: 0, read: 0, other: 0 };
    for (const bucket of this.data().buckets) for (const category of CATEGORIES) totals[category] += bucket.callsByCategory[category];
    return totals;
  });

  protected readonly state = computed(() => widgetState(this.data(), this.data().windows.length > 0));
  protected readonly message = computed(() => widgetMessage(this.data()));
  protected readonly figure = computed(() => {
    const totals = this.totals();
    return `${formatExact(totals.create + totals.modify + totals.delete)} changes`;
  });

  readonly chartData = computed<EChartsCoreOption>(() => ({
    series: CATEGORIES.map((category) => ({ data: this.data().buckets.map((bucket) => [bucket.startMs, bucket.callsByCategory[category]]) })),
  }));

  protected readonly summary = computed(() => {
    const totals = this.totals();
    return `Changes over time: ${formatExact(totals.create)} create, ${formatExact(totals.modify)} modify, ${formatExact(totals.delete)} delete calls (${formatExact(totals.read)} reads).`;
  });

  protected readonly table = computed<TableModel>(() => {
    const data = this.data();
    return {
      columns: ['Time', ...CATEGORIES.map((category) => LABELS[category])],
      rows: data.buckets
        .filter((bucket) => bucket.totalCalls > 0)
        .map((bucket) => ({
          cells: [bucketLabel(bucket.startMs, data.bucketSeconds), ...CATEGORIES.map((category) => formatExact(bucket.callsByCategory[category]))],
          drill: bucketDrill(bucket, data.bucketSeconds, data.filters, 'All API calls'),
        })),
    };
  });

  protected onClick(click: ChartClick): void {
    const data = this.data();
    const bucket = data.buckets[click.dataIndex];
    if (bucket !== undefined) this.drill.emit(bucketDrill(bucket, data.bucketSeconds, data.filters, 'All API calls'));
  }
}
