import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatCount, formatExact } from '../../../shared/format/format-number';
import { type Bucket } from '../aggregate';
import { bucketLabel, timeSeriesBase } from '../chart-options';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { bucketDrill } from './drill';

/** The most calls one source IP made in a window, over time, with the IP in tooltip and table. */
@Component({
  selector: 'tp-max-calls-by-ip-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    heading="Max calls by one IP"
    [subtitle]="subtitle()"
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
export class MaxCallsByIpWidgetComponent {
  readonly data = input.required<OverviewData>();
  readonly drill = output<DrillRequest>();

  protected readonly base = {
    ...timeSeriesBase(),
    tooltip: {
      trigger: 'item',
      formatter: (p: { value: [number, number, string] }) => `${p.value[2]}: ${formatExact(p.value[1])} calls in one window`,
    },
    series: [{ type: 'line', name: 'Max calls by one IP', symbolSize: 6 }],
  };

  /** The bucket holding the range's peak. */
  readonly peak = computed(() => this.data().buckets.reduce<Bucket | null>((best, bucket) => (best === null || bucket.maxCallsByIp.count > best.maxCallsByIp.count ? bucket : best), null));

  protected readonly state = computed(() => widgetState(this.data(), (this.peak()?.maxCallsByIp.count ?? 0) > 0));
  protected readonly message = computed(() => widgetMessage(this.data()));
  protected readonly figure = computed(() => formatCount(this.peak()?.maxCallsByIp.count ?? 0));
  protected readonly subtitle = computed(() => {
    const peak = this.peak();
    return peak === null || peak.maxCallsByIp.count === 0 ? '' : `Peak: ${peak.maxCallsByIp.key} at ${bucketLabel(peak.startMs, this.data().bucketSeconds)}`;
  });

  readonly chartData = computed<EChartsCoreOption>(() => ({
    series: [{ data: this.data().buckets.map((bucket) => [bucket.startMs, bucket.maxCallsByIp.count, bucket.maxCallsByIp.key]) }],
  }));

  protected readonly summary = computed(() => `Most calls from a single IP per window over time. ${this.subtitle()}.`);

  protected readonly table = computed<TableModel>(() => {
    const data = this.data();
    return {
      columns: ['Time', 'Source IP', 'Calls in one window'],
      rows: data.buckets
        .filter((bucket) => bucket.maxCallsByIp.count > 0)
        .map((bucket) => ({
          cells: [bucketLabel(bucket.startMs, data.bucketSeconds), bucket.maxCallsByIp.key, formatExact(bucket.maxCallsByIp.count)],
          drill: bucketDrill(bucket, data.bucketSeconds, data.filters, `IP ${bucket.maxCallsByIp.key}`, { ip: bucket.maxCallsByIp.key }),
        })),
    };
  });

  protected onClick(click: ChartClick): void {
    const data = this.data();
    const bucket = data.buckets[click.dataIndex];
    if (bucket === undefined || bucket.maxCallsByIp.count === 0) return;
    this.drill.emit(bucketDrill(bucket, data.bucketSeconds, data.filters, `IP ${bucket.maxCallsByIp.key}`, { ip: bucket.maxCallsByIp.key }));
  }
}
