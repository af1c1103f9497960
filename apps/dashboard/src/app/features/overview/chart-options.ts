import { type EChartsCoreOption } from 'echarts/core';
import { formatCount, formatExact } from '../../shared/format/format-number';
import { formatBucketTime } from '../../shared/format/format-time';

/** The skeleton of a time series chart; `data` options fill the series. */
export function timeSeriesBase(options: { readonly legend?: boolean; readonly secondAxis?: string } = {}): EChartsCoreOption {
  return {
    aria: { enabled: true },
    animationDurationUpdate: 300,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? formatExact(value) : String(value ?? '')) },
    legend: options.legend === true ? { type: 'scroll', top: 0 } : { show: false },
    grid: { left: 48, right: options.secondAxis === undefined ? 16 : 48, top: options.legend === true ? 32 : 12, bottom: 28 },
    xAxis: { type: 'time' },
    yAxis:
      options.secondAxis === undefined
        ? { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value) } }
        : [
            { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value) } },
            { type: 'value', name: options.secondAxis, splitLine: { show: false } },
          ],
  };
}

/** The skeleton of a horizontal bar chart of ranked keys (top lists). */
export function rankedBarsBase(): EChartsCoreOption {
  return {
    aria: { enabled: true },
    animationDurationUpdate: 300,
    tooltip: { trigger: 'item', valueFormatter: (value: unknown) => (typeof value === 'number' ? formatExact(value) : String(value ?? '')) },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value) } },
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: [{ type: 'bar', barMaxWidth: 28, label: { show: true, position: 'right', formatter: (p: { value: number }) => formatCount(p.value) } }],
  };
}

export function bucketLabel(ms: number, bucketSeconds: number): string {
  return formatBucketTime(ms, bucketSeconds);
}
