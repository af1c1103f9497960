import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatExact } from '../../../shared/format/format-number';
import { servicesByCalls } from '../aggregate';
import { bucketLabel } from '../chart-options';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { bucketDrill } from './drill';

/** Services in the heatmap: the busiest of the range (hundreds would not be readable). */
export const HEATMAP_SERVICES = 15;

/** Activity by service: calls per service and bucket as a heatmap. */
@Component({
  selector: 'tp-service-heatmap-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    heading="Activity by service"
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
export class ServiceHeatmapWidgetComponent {
  readonly data = input.required<OverviewData>();
  readonly drill = output<DrillRequest>();

  protected readonly base = {
    aria: { enabled: true },
    tooltip: { position: 'top', formatter: (p: { value: [number, number, number]; name: string }) => `${p.name}: ${formatExact(p.value[2])} calls` },
    grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
    xAxis: { type: 'category', splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80, inRange: { color: ['#132a3a', '#56B4E9', '#F0E442'] } },
    series: [{ type: 'heatmap', name: 'Calls' }],
  };

  readonly services = computed(() => servicesByCalls(this.data().buckets).slice(0, HEATMAP_SERVICES).map((entry) => entry.service));

  protected readonly state = computed(() => widgetState(this.data(), this.services().length > 0));
  protected readonly message = computed(() => widgetMessage(this.data()));
  protected readonly subtitle = computed(() => `Calls per service, the ${this.services().length} busiest`);

  readonly chartData = computed<EChartsCoreOption>(() => {
    const { buckets, bucketSeconds } = this.data();
    const services = this.services();
    const cells: [number, number, number][] = [];
    let max = 1;
    buckets.forEach((bucket, x) =>
      services.forEach((service, y) => {
        const calls = bucket.callsByService[service] ?? 0;
        max = Math.max(max, calls);
        cells.push([x, y, calls]);
      }),
    );
    return {
      xAxis: { data: buckets.map((bucket) => bucketLabel(bucket.startMs, bucketSeconds)) },
      yAxis: { data: services },
      visualMap: { max },
      series: [{ data: cells }],
    };
  });

  protected readonly summary = computed(() => `Heatmap of API calls per service over time for ${this.services().join(', ')}.`);

  protected readonly table = computed<TableModel>(() => {
    const data = this.data();
    const services = this.services();
    return {
      columns: ['Service', 'Time', 'Calls'],
      rows: services.flatMap((service) =>
        data.buckets
          .filter((bucket) => (bucket.callsByService[service] ?? 0) > 0)
          .map((bucket) => ({
            cells: [service, bucketLabel(bucket.startMs, data.bucketSeconds), formatExact(bucket.callsByService[service] ?? 0)],
            drill: bucketDrill(bucket, data.bucketSeconds, data.filters, service, { service }),
          })),
      ),
    };
  });

  protected onClick(click: ChartClick): void {
    const value = click.value;
    if (!Array.isArray(value)) return;
    const [x, y] = value as [number, number];
    const data = this.data();
    const bucket = data.buckets[x];
    const service = this.services()[y];
    if (bucket !== undefined && service !== undefined) this.drill.emit(bucketDrill(bucket, data.bucketSeconds, data.filters, service, { service }));
  }
}
