import { chartOption, chartTitle, compactNumber, LEGEND, markAreaData, timedPoints } from './chart-option';
import { type SeriesPlot } from '../nab/series-plot';

const HOUR = 3_600_000;
const T0 = Date.UTC(2014, 3, 10);

const PLOT: SeriesPlot = {
  file: 'realAWSCloudwatch/rds_cpu_utilization_e47b3b.csv',
  detector: 'robust-zscore',
  timestamps: [0, 1, 2, 3, 4, 5].map((h) => T0 + h * HOUR),
  values: [10, 11, 10, 80, 12, 11],
  scores: [0, 0.1, 0.2, 0.9, 0.3, 0.55],
  windows: [{ start: T0 + 2 * HOUR, end: T0 + 4 * HOUR }],
  probation: { start: T0, end: T0 + HOUR },
  threshold: 0.5,
  rawScore: 0.89,
  detections: { inWindow: [[T0 + 3 * HOUR, 80]], outside: [[T0 + 5 * HOUR, 11]] },
};

/** The option's series as plain records, for reading back what will be drawn. */
function seriesOf(plot: SeriesPlot): Record<string, unknown>[] {
  const { series } = chartOption(plot);
  return (Array.isArray(series) ? series : [series]) as Record<string, unknown>[];
}

function named(plot: SeriesPlot, name: string): Record<string, unknown>[] {
  return seriesOf(plot).filter((s) => s['name'] === name);
}

describe('markAreaData and timedPoints', () => {
  it('turn spans into shaded x ranges and values into [time, y] points', () => {
    expect(markAreaData([{ start: 1, end: 2 }, { start: 5, end: 9 }])).toEqual([
      [{ xAxis: 1 }, { xAxis: 2 }],
      [{ xAxis: 5 }, { xAxis: 9 }],
    ]);
    expect(timedPoints([100, 200], [7, 8])).toEqual([
      [100, 7],
      [200, 8],
    ]);
  });
});

describe('chartOption', () => {
  it('draws the values in the top panel and the 0-1 score on a second y-axis below, on the same time range', () => {
    const option = chartOption(PLOT);
    const [value] = named(PLOT, LEGEND.value);
    const [score] = named(PLOT, LEGEND.score);
    expect(value).toMatchObject({ type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: timedPoints(PLOT.timestamps, PLOT.values) });
    expect(score).toMatchObject({ type: 'line', xAxisIndex: 1, yAxisIndex: 1, data: timedPoints(PLOT.timestamps, PLOT.scores) });
    expect(option.yAxis).toEqual([expect.objectContaining({ gridIndex: 0 }), expect.objectContaining({ gridIndex: 1, min: 0, max: 1 })]);
    expect(option.xAxis).toEqual([
      expect.objectContaining({ type: 'time', gridIndex: 0, min: T0, max: T0 + 5 * HOUR }),
      expect.objectContaining({ type: 'time', gridIndex: 1, min: T0, max: T0 + 5 * HOUR }),
    ]);
    expect(option.useUTC).toBe(true);
    expect(option.animation).toBe(false);
  });

  it('marks the threshold on the score axis', () => {
    const [score] = named(PLOT, LEGEND.score);
    expect(score?.['markLine']).toMatchObject({ data: [{ yAxis: 0.5 }] });
  });

  it('shades every window and the probationary period in both panels', () => {
    const windows = named(PLOT, LEGEND.window);
    const probation = named(PLOT, LEGEND.probation);
    expect(windows.map((s) => s['xAxisIndex'])).toEqual([0, 1]);
    for (const area of windows) expect(area['markArea']).toMatchObject({ data: markAreaData(PLOT.windows) });
    for (const area of probation) expect(area['markArea']).toMatchObject({ data: [[{ xAxis: T0 }, { xAxis: T0 + HOUR }]] });
    const withoutProbation = named({ ...PLOT, probation: undefined }, LEGEND.probation);
    for (const area of withoutProbation) expect(area['markArea']).toMatchObject({ data: [] });
  });

  it('puts detections on the value line, in a window and outside as separate series', () => {
    expect(named(PLOT, LEGEND.hit)).toEqual([expect.objectContaining({ type: 'scatter', yAxisIndex: 0, data: [[T0 + 3 * HOUR, 80]] })]);
    expect(named(PLOT, LEGEND.falsePositive)).toEqual([expect.objectContaining({ type: 'scatter', yAxisIndex: 0, data: [[T0 + 5 * HOUR, 11]] })]);
  });

  it('has a legend entry for every kind of series and a series for every legend entry', () => {
    const legend = chartOption(PLOT).legend as { data: { name: string }[] };
    const names = new Set(seriesOf(PLOT).map((s) => s['name']));
    expect(new Set(legend.data.map((entry) => entry.name))).toEqual(names);
    expect(names.size).toBe(Object.keys(LEGEND).length);
  });

  it('titles the chart with the series, the detector, the threshold and the file score', () => {
    expect(chartTitle(PLOT)).toEqual({
      text: 'rds_cpu_utilization_e47b3b: robust-zscore',
      subtext: expect.stringMatching(/threshold 0\.5000 .*2 detections after probation.*raw NAB score 0\.890/),
    });
  });
});

describe('compactNumber', () => {
  it('shortens large axis numbers and keeps small ones', () => {
    expect([70_000_000, 2500, 1_250_000_000, 45, 0.25, -3000, 0].map(compactNumber)).toEqual(['70M', '2.5k', '1.25G', '45', '0.25', '-3k', '0']);
  });
});
