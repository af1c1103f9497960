import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatCount, formatExact, formatScore } from '../../../shared/format/format-number';
import { bucketLabel, timeSeriesBase } from '../chart-options';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { bucketDrill } from './drill';

/** Total API calls, the anomaly score on a second axis, and a marker on every bucket at or above the threshold. */
@Component({
  selector: 'tp-total-calls-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    heading="Total API calls and anomaly score"
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
export class TotalCallsWidgetComponent {
  readonly data = input.required<OverviewData>();
  readonly drill = output<DrillRequest>();

  protected readonly base = {
    ...timeSeriesBase({ legend: true, secondAxis: 'score' }),
    series: [
      { type: 'line', name: 'API calls', showSymbol: false, areaStyle: { opacity: 0.15 } },
      { type: 'line', name: 'Anomaly score', yAxisIndex: 1, showSymbol: false, connectNulls: false, lineStyle: { type: 'dashed' } },
      { type: 'scatter', name: 'Anomaly', symbol: 'triangle', symbolSize: 12, itemStyle: { color: '#D55E00' } },
    ],
  };

  /** Buckets whose score reaches the threshold. */
  readonly anomalies = computed(() => this.data().buckets.filter((bucket) => bucket.anomalyScore !== null && bucket.anomalyScore >= this.data().anomalyThreshold));

  protected readonly state = computed(() => widgetState(this.data(), this.data().windows.length > 0));
  protected readonly message = computed(() => widgetMessage(this.data()));
  protected readonly subtitle = computed(() => `${this.anomalies().length} anomalous buckets (score ≥ ${formatScore(this.data().anomalyThreshold)})`);
  protected readonly figure = computed(() => formatCount(this.data().buckets.reduce((sum, bucket) => sum + bucket.totalCalls, 0)));

  readonly chartData = computed<EChartsCoreOption>(() => {
    const buckets = this.data().buckets;
    return {
      series: [
        { data: buckets.map((bucket) => [bucket.startMs, bucket.totalCalls]) },
        { data: buckets.map((bucket) => [bucket.startMs, bucket.anomalyScore]) },
        { data: this.anomalies().map((bucket) => [bucket.startMs, bucket.totalCalls]) },
      ],
    };
  });

  protected readonly summary = computed(
    () => `Total API calls over time: ${this.figure()} in the range, ${this.anomalies().length} buckets with an anomaly score at or above ${formatScore(this.data().anomalyThreshold)}.`,
  );

  protected readonly table = computed<TableModel>(() => {
    const data = this.data();
    return {
      columns: ['Time', 'API calls', 'Anomaly score', 'Anomaly'],
      rows: data.buckets.map((bucket) => ({
        cells: [
          bucketLabel(bucket.startMs, data.bucketSeconds),
          formatExact(bucket.totalCalls),
          bucket.anomalyScore === null ? '–' : formatScore(bucket.anomalyScore),
          bucket.anomalyScore !== null && bucket.anomalyScore >= data.anomalyThreshold ? 'yes' : '',
        ],
        drill: bucketDrill(bucket, data.bucketSeconds, data.filters, 'All API calls'),
      })),
    };
  });

  protected onClick(click: ChartClick): void {
    const data = this.data();
    const bucket = click.seriesIndex === 2 ? this.anomalies()[click.dataIndex] : data.buckets[click.dataIndex];
    if (bucket !== undefined) this.drill.emit(bucketDrill(bucket, data.bucketSeconds, data.filters, 'All API calls'));
  }
}
