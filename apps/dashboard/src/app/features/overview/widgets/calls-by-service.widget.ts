import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatExact } from '../../../shared/format/format-number';
import { servicesByCalls } from '../aggregate';
import { bucketLabel, timeSeriesBase } from '../chart-options';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { bucketDrill } from './drill';

/** Services drawn one by one; the rest are summed as "Other". Fixed slots keep live merges stable. */
export const SERVICE_SLOTS = 8;
export const OTHER_SERVICES = 'Other services';

/** API calls by service: a stacked area per service over time. */
@Component({
  selector: 'tp-calls-by-service-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    heading="API calls by service"
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
export class CallsByServiceWidgetComponent {
  readonly data = input.required<OverviewData>();
  readonly drill = output<DrillRequest>();

  protected readonly base = { ...timeSeriesBase({ legend: true }), series: Array.from({ length: SERVICE_SLOTS + 1 }, () => ({ type: 'line', stack: 'calls', areaStyle: {}, showSymbol: false, emphasis: { focus: 'series' } })) };

  /** The services drawn, most calls first; the last slot is "Other" when there are more. */
  readonly slots = computed(() => {
    const ranked = servicesByCalls(this.data().buckets);
    const shown = ranked.slice(0, SERVICE_SLOTS).map((entry) => entry.service);
    return { shown, hasOther: ranked.length > SERVICE_SLOTS, serviceCount: ranked.length };
  });

  protected readonly state = computed(() => widgetState(this.data(), this.slots().serviceCount > 0));
  protected readonly message = computed(() => widgetMessage(this.data()));
  protected readonly subtitle = computed(() => `${this.slots().serviceCount} services`);

  /** The series as echarts receives them: one per slot, `[time, calls]` pairs. */
  readonly chartData = computed<EChartsCoreOption>(() => {
    const { shown, hasOther } = this.slots();
    const buckets = this.data().buckets;
    const series = Array.from({ length: SERVICE_SLOTS + 1 }, (_, slot) => {
      const service = shown[slot];
      if (service !== undefined) return { name: service, data: buckets.map((bucket) => [bucket.startMs, bucket.callsByService[service] ?? 0]) };
      if (slot === SERVICE_SLOTS && hasOther) {
        return { name: OTHER_SERVICES, data: buckets.map((bucket) => [bucket.startMs, bucket.totalCalls - shown.reduce((sum, name) => sum + (bucket.callsByService[name] ?? 0), 0)]) };
      }
      return { name: '', data: [] };
    });
    return { legend: { data: series.map((s) => s.name).filter((name) => name !== '') }, series };
  });

  protected readonly summary = computed(() => {
    const ranked = servicesByCalls(this.data().buckets).slice(0, 3);
    return `Stacked API calls by service over time. Busiest: ${ranked.map((entry) => `${entry.service} ${formatExact(entry.calls)}`).join(', ')}.`;
  });

  protected readonly table = computed<TableModel>(() => {
    const data = this.data();
    const rows = data.buckets.flatMap((bucket) =>
      Object.entries(bucket.callsByService)
        .sort(([, a], [, b]) => b - a)
        .map(([service, calls]) => ({
          cells: [bucketLabel(bucket.startMs, data.bucketSeconds), service, formatExact(calls)],
          drill: bucketDrill(bucket, data.bucketSeconds, data.filters, service, { service }),
        })),
    );
    return { columns: ['Time', 'Service', 'Calls'], rows };
  });

  protected onClick(click: ChartClick): void {
    const data = this.data();
    const bucket = data.buckets[click.dataIndex];
    if (bucket === undefined || click.seriesIndex === undefined) return;
    const service = this.slots().shown[click.seriesIndex];
    this.drill.emit(
      service === undefined
        ? bucketDrill(bucket, data.bucketSeconds, data.filters, 'All services')
        : bucketDrill(bucket, data.bucketSeconds, data.filters, service, { service }),
    );
  }
}
