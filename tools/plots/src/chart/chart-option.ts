// A SeriesPlot as an ECharts option: values in the top panel, the NAB score (0-1) on a second y-axis
// in the panel below (same time axis), windows and probation as shaded areas, detections as markers on the value line. Pure data, so
// it is tested without a browser; the same option renders in the SSR SVG renderer.
import { type EChartsOption } from 'echarts';
import { seriesName } from '../nab/plotted-files';
import { type SeriesPlot, type TimeSpan } from '../nab/series-plot';

export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 420;

/**
 * Liberation Sans has Arial's metrics, which ECharts' server-side renderer assumes when it lays out
 * text without a canvas (zrender's built-in width table): legend items then do not overlap once
 * Chromium draws the real font. Debian's Chromium has it (fonts-liberation).
 */
const FONT_FAMILY = 'Liberation Sans, Arial, sans-serif';

/** Two panels on one time axis: values on top, the score below, so neither line hides the other. */
export const LAYOUT = { left: 78, right: 40, top: 64, valueHeight: 178, gap: 10, bottom: 72 } as const;

export const COLORS = {
  value: '#1f4e8c',
  score: '#e08a00',
  window: 'rgba(214, 39, 40, 0.16)',
  probation: 'rgba(110, 110, 110, 0.16)',
  hit: '#2ca02c',
  falsePositive: '#d62728',
} as const;

export const LEGEND = {
  value: 'value',
  score: 'anomaly score (0-1, as NAB sees it)',
  window: 'labeled anomaly window',
  probation: 'probationary period (not scored)',
  hit: 'detection in a window',
  falsePositive: 'detection outside windows (FP)',
} as const;

/** Time axis labels by tick level: the day as "Feb 14", hours as "12:00". */
const TIME_LABELS = { year: '{yyyy}', month: '{MMM} {d}', day: '{MMM} {d}', hour: '{HH}:{mm}', minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}', millisecond: '{HH}:{mm}:{ss}' };

/** Axis numbers short enough for the left margin: 70000000 → "70M", 2500 → "2.5k", 0.25 → "0.25". */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  for (const [factor, suffix] of [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']] as const) {
    if (magnitude >= factor) return `${Number((value / factor).toPrecision(3))}${suffix}`;
  }
  return `${Number(value.toPrecision(3))}`;
}

/** ECharts markArea pairs: one shaded band per span across the whole plot height. */
export function markAreaData(spans: readonly TimeSpan[]): [{ xAxis: number }, { xAxis: number }][] {
  return spans.map(({ start, end }) => [{ xAxis: start }, { xAxis: end }]);
}

/** [time, y] pairs for a line on the time axis. */
export function timedPoints(timestamps: readonly number[], ys: readonly number[]): [number, number][] {
  return ys.map((y, i) => [timestamps[i] ?? Number.NaN, y]);
}

/** A series with no points that carries shaded areas: it gives the areas a legend entry of their own. */
function areaSeries(name: string, color: string, spans: readonly TimeSpan[], panel: 0 | 1) {
  return {
    name,
    type: 'line' as const,
    xAxisIndex: panel,
    yAxisIndex: panel,
    data: [] as [number, number][],
    itemStyle: { color },
    silent: true,
    markArea: { silent: true, itemStyle: { color }, data: markAreaData(spans) },
  };
}

function detectionCount(plot: SeriesPlot): number {
  return plot.detections.inWindow.length + plot.detections.outside.length;
}

export function chartTitle(plot: SeriesPlot): { text: string; subtext: string } {
  return {
    text: `${seriesName(plot.file)}: ${plot.detector}`,
    subtext:
      `NAB standard profile, threshold ${plot.threshold.toFixed(4)} (optimized over all AWS series); ` +
      `${detectionCount(plot)} detections after probation; this file's raw NAB score ${plot.rawScore.toFixed(3)}`,
  };
}

export function chartOption(plot: SeriesPlot): EChartsOption {
  const { text, subtext } = chartTitle(plot);
  const first = plot.timestamps[0];
  const last = plot.timestamps[plot.timestamps.length - 1];
  const probation = plot.probation === undefined ? [] : [plot.probation];
  const timeAxis = { type: 'time' as const, min: first ?? 'dataMin', max: last ?? 'dataMax' };
  return {
    animation: false,
    // NAB timestamps are naive local times, parsed as UTC milliseconds: shown as written.
    useUTC: true,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text, subtext, left: 12, top: 6, textStyle: { fontSize: 16 }, subtextStyle: { fontSize: 12, color: '#444' } },
    legend: {
      bottom: 6,
      left: 'center',
      itemWidth: 18,
      itemHeight: 10,
      itemGap: 16,
      textStyle: { fontSize: 12 },
      data: [
        { name: LEGEND.value },
        { name: LEGEND.score },
        { name: LEGEND.window, icon: 'rect' },
        { name: LEGEND.probation, icon: 'rect' },
        { name: LEGEND.hit, icon: 'circle' },
        { name: LEGEND.falsePositive, icon: 'triangle' },
      ],
    },
    grid: [
      // 'none': exactly these margins in both panels (ECharts 6 would otherwise widen a panel to
      // fit its labels, and the two time axes would no longer line up).
      { left: LAYOUT.left, right: LAYOUT.right, top: LAYOUT.top, height: LAYOUT.valueHeight, outerBoundsMode: 'none' },
      { left: LAYOUT.left, right: LAYOUT.right, top: LAYOUT.top + LAYOUT.valueHeight + LAYOUT.gap, bottom: LAYOUT.bottom, outerBoundsMode: 'none' },
    ],
    xAxis: [
      { ...timeAxis, gridIndex: 0, axisLabel: { show: false }, axisTick: { show: false } },
      {
        ...timeAxis,
        gridIndex: 1,
        name: `time (NAB timestamp${first === undefined ? '' : `, ${new Date(first).getUTCFullYear()}`})`,
        nameLocation: 'middle',
        nameGap: 24,
        axisLabel: { fontSize: 11, hideOverlap: true, formatter: TIME_LABELS },
      },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, name: 'value', nameLocation: 'middle', nameGap: 52, scale: true, axisLabel: { fontSize: 11, formatter: compactNumber }, splitLine: { lineStyle: { color: '#ececec' } } },
      {
        type: 'value',
        gridIndex: 1,
        name: 'score',
        nameLocation: 'middle',
        nameGap: 52,
        min: 0,
        max: 1,
        interval: 0.5,
        axisLabel: { fontSize: 11 },
        splitLine: { lineStyle: { color: '#ececec' } },
      },
    ],
    series: [
      areaSeries(LEGEND.probation, COLORS.probation, probation, 0),
      areaSeries(LEGEND.probation, COLORS.probation, probation, 1),
      areaSeries(LEGEND.window, COLORS.window, plot.windows, 0),
      areaSeries(LEGEND.window, COLORS.window, plot.windows, 1),
      {
        name: LEGEND.value,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: timedPoints(plot.timestamps, plot.values),
        showSymbol: false,
        itemStyle: { color: COLORS.value },
        lineStyle: { width: 1.1 },
        z: 3,
      },
      {
        name: LEGEND.score,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: timedPoints(plot.timestamps, plot.scores),
        showSymbol: false,
        itemStyle: { color: COLORS.score },
        lineStyle: { width: 1 },
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#8a5500', type: 'dashed', width: 1 },
          label: { formatter: `threshold ${plot.threshold.toFixed(3)}`, position: 'insideEndTop', color: '#8a5500', fontSize: 11 },
          data: [{ yAxis: plot.threshold }],
        },
      },
      {
        name: LEGEND.hit,
        type: 'scatter',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: plot.detections.inWindow.map(([t, v]) => [t, v]),
        symbol: 'circle',
        symbolSize: 9,
        itemStyle: { color: COLORS.hit, borderColor: '#ffffff', borderWidth: 1 },
        z: 5,
      },
      {
        name: LEGEND.falsePositive,
        type: 'scatter',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: plot.detections.outside.map(([t, v]) => [t, v]),
        symbol: 'triangle',
        symbolSize: 10,
        itemStyle: { color: COLORS.falsePositive, borderColor: '#ffffff', borderWidth: 1 },
        z: 5,
      },
    ],
  };
}
