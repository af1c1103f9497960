import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type CustomMetricDefinition } from '@trailpulse/api-contract';
import { type EChartsCoreOption } from 'echarts/core';
import { type DrillRequest } from '../../../core/state/drill-request';
import { ChartCardComponent, type ChartClick, type TableModel } from '../../../shared/charts/chart-card.component';
import { formatExact, formatPercent } from '../../../shared/format/format-number';
import { bucketLabel, rankedBarsBase, timeSeriesBase } from '../chart-options';
import { customSeries } from '../custom-values';
import { type OverviewData, widgetMessage, widgetState } from '../overview-data';
import { bucketDrill } from './drill';

/** One custom metric: a line over time (count, distinct count, error rate) or ranked bars (top-K). */
@Component({
  selector: 'tp-custom-metric-widget',
  imports: [ChartCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tp-chart-card
    [heading]="definition().title"
    [subtitle]="subtitle()"
    [state]="state()"
    [message]="message()"
    [options]="base()"
    [data]="chartData()"
    [summary]="summary()"
    [table]="table()"
    (chartClick)="onClick($event)"
    (drill)="drill.emit($event)"
  />`,
})
export class CustomMetricWidgetComponent {
  readonly definition = input.required<CustomMetricDefinition>();
  readonly data = input.required<OverviewData>();
  readonly drill = output<DrillRequest>();

  readonly series = computed(() => customSeries(this.data().buckets, this.definition().id));
  private readonly isTopK = computed(() => this.series().kind === 'top-k');

  protected readonly base = computed<EChartsCoreOption>(() =>
    this.isTopK() ? rankedBarsBase() : { ...timeSeriesBase(), series: [{ type: 'line', name: this.definition().title, showSymbol: false, connectNulls: false }] },
  );

  protected readonly state = computed(() => {
    const series = this.series();
    const hasData = series.kind === 'top-k' ? series.top.length > 0 : series.kind !== 'unknown' && series.points.some(([, value]) => value !== null && value > 0);
    return widgetState(this.data(), hasData);
  });

  protected readonly message = computed(() => {
    const series = this.series();
    if (series.kind === 'unknown' && series.latest !== undefined) return `This metric's values have a shape the dashboard does not draw yet. Latest value: ${JSON.stringify(series.latest).slice(0, 200)}`;
    return widgetMessage(this.data(), `No value for "${this.definition().id}" in this range: nothing matched its filter. Widen the range, or check the definition under Custom metrics.`);
  });

  protected readonly subtitle = computed(() => {
    const kinds = { count: 'Count per bucket', distinct: 'Distinct values (highest window per bucket)', 'error-rate': 'Error rate', 'top-k': 'Top keys over the range', unknown: '' } as const;
    const text = [this.definition().description ?? kinds[this.series().kind]];
    if (this.series().approximate) text.push('some values are estimates');
    return text.filter((part) => part !== '').join(' · ');
  });

  readonly chartData = computed<EChartsCoreOption>(() => {
    const series = this.series();
    if (series.kind === 'top-k') return { yAxis: { data: series.top.map((entry) => entry.key) }, series: [{ data: series.top.map((entry) => entry.count) }] };
    return { series: [{ data: series.points.map(([ms, value]) => [ms, value]) }] };
  });

  protected readonly summary = computed(() => {
    const series = this.series();
    if (series.kind === 'top-k') return `${this.definition().title}: ${series.top.map((entry) => `${entry.key} ${formatExact(entry.count)}`).join(', ')}.`;
    return `${this.definition().title} over time.`;
  });

  protected readonly table = computed<TableModel>(() => {
    const series = this.series();
    const data = this.data();
    if (series.kind === 'top-k') return { columns: ['Key', 'Count'], rows: series.top.map((entry) => ({ cells: [entry.key, formatExact(entry.count)] })) };
    const format = (value: number) => (series.kind === 'error-rate' ? formatPercent(value) : formatExact(value));
    return {
      columns: ['Time', this.definition().title],
      rows: data.buckets.flatMap((bucket, index) => {
        const value = series.points[index]?.[1];
        return value === null || value === undefined ? [] : [{ cells: [bucketLabel(bucket.startMs, data.bucketSeconds), format(value)], drill: bucketDrill(bucket, data.bucketSeconds, data.filters, this.definition().title) }];
      }),
    };
  });

  protected onClick(click: ChartClick): void {
    if (this.isTopK()) return;
    const data = this.data();
    const bucket = data.buckets[click.dataIndex];
    if (bucket !== undefined) this.drill.emit(bucketDrill(bucket, data.bucketSeconds, data.filters, this.definition().title));
  }
}
