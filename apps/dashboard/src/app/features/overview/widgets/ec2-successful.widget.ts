import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatCount, formatExact } from '../../../shared/format/format-number';
import { bucketLabel, timeSeriesBase } from '../chart-options';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { bucketDrill } from './drill';

const EC2 = 'ec2.amazonaws.com';

/** Successful EC2 API calls (no errorCode) over time. */
@Component({
  selector: 'tp-ec2-successful-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    heading="Successful EC2 calls"
    subtitle="ec2.amazonaws.com calls without an errorCode"
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
export class Ec2SuccessfulWidgetComponent {
  readonly data = input.required<OverviewData>();
  readonly drill = output<DrillRequest>();

  protected readonly base = { ...timeSeriesBase(), series: [{ type: 'bar', name: 'Successful EC2 calls', barMaxWidth: 12 }] };
  readonly total = computed(() => this.data().buckets.reduce((sum, bucket) => sum + bucket.ec2SuccessfulCalls, 0));

  protected readonly state = computed(() => widgetState(this.data(), this.total() > 0));
  protected readonly message = computed(() =>
    widgetMessage(this.data(), 'No successful EC2 calls in this range. Widen the range, or check the service filter.'),
  );
  protected readonly figure = computed(() => formatCount(this.total()));

  readonly chartData = computed<EChartsCoreOption>(() => ({
    series: [{ data: this.data().buckets.map((bucket) => [bucket.startMs, bucket.ec2SuccessfulCalls]) }],
  }));

  protected readonly summary = computed(() => `Successful EC2 API calls over time: ${formatExact(this.total())} in the range.`);

  protected readonly table = computed<TableModel>(() => {
    const data = this.data();
    return {
      columns: ['Time', 'Successful EC2 calls'],
      rows: data.buckets
        .filter((bucket) => bucket.ec2SuccessfulCalls > 0)
        .map((bucket) => ({ cells: [bucketLabel(bucket.startMs, data.bucketSeconds), formatExact(bucket.ec2SuccessfulCalls)], drill: this.drillFor(bucket.startMs) })),
    };
  });

  protected onClick(click: ChartClick): void {
    const bucket = this.data().buckets[click.dataIndex];
    if (bucket !== undefined) this.drill.emit(this.drillFor(bucket.startMs));
  }

  private drillFor(startMs: number): DrillRequest {
    const data = this.data();
    const bucket = data.buckets.find((candidate) => candidate.startMs === startMs);
    if (bucket === undefined) throw new Error(`no bucket starts at ${startMs}`);
    return { ...bucketDrill(bucket, data.bucketSeconds, data.filters, 'Successful EC2 calls', { service: EC2 }), errorClass: 'none' };
  }
}
