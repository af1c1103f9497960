import * as path from 'node:path';
import { DEFAULT_DETECTOR, findDetector, type LabelledResult, NAB_PROFILES, type NabSeries, probationLength, runDetector, scoreFile, sweepFile } from '@trailpulse/anomaly';
import { readNabCorpus } from '@trailpulse/anomaly/node';
import { seriesPlot } from './series-plot';

const FIVE_MINUTES = 300_000;
const BASE = Date.UTC(2014, 1, 14);
const profile = NAB_PROFILES.standard;

/** 20 rows: NAB's probation is floor(0.15 × 20) = 3 rows; one window over rows 8-10. */
function fixture(scores: number[]): { series: NabSeries; result: LabelledResult } {
  const timestamps = scores.map((_, i) => BASE + i * FIVE_MINUTES);
  const values = scores.map((_, i) => 100 + i);
  const series: NabSeries = { file: 'realAWSCloudwatch/x.csv', timestampTexts: timestamps.map(String), timestamps, values };
  const result: LabelledResult = { file: series.file, timestamps, anomalyScores: scores, windows: [{ start: BASE + 8 * FIVE_MINUTES, end: BASE + 10 * FIVE_MINUTES }] };
  return { series, result };
}

describe('seriesPlot', () => {
  it('marks rows scoring at least the threshold after probation, split by window, as the scorer counts them', () => {
    // Prepare: a high score in probation (ignored), one outside before the window, one inside, one exactly at the threshold after it.
    const scores = new Array<number>(20).fill(0.1);
    scores[1] = 0.9;
    scores[5] = 0.6;
    scores[9] = 0.7;
    scores[12] = 0.5;
    const { series, result } = fixture(scores);
    // Act
    const plot = seriesPlot({ series, result, detector: 'd', profile, threshold: 0.5, rawScore: 0.25 });
    // Assess
    expect(plot.detections.inWindow).toEqual([[BASE + 9 * FIVE_MINUTES, 109]]);
    expect(plot.detections.outside).toEqual([
      [BASE + 5 * FIVE_MINUTES, 105],
      [BASE + 12 * FIVE_MINUTES, 112],
    ]);
    const counted = scoreFile(sweepFile(result, profile), 0.5, profile);
    expect([counted.tp, counted.fp]).toEqual([plot.detections.inWindow.length, plot.detections.outside.length]);
    expect(plot.probation).toEqual({ start: BASE, end: BASE + 2 * FIVE_MINUTES });
    expect(plot.windows).toEqual(result.windows);
    expect(plot).toMatchObject({ file: series.file, detector: 'd', threshold: 0.5, rawScore: 0.25, scores });
  });

  it('refuses a detector output that does not belong to the series', () => {
    const { series, result } = fixture(new Array<number>(20).fill(0));
    expect(() => seriesPlot({ series, result: { ...result, anomalyScores: [0] }, detector: 'd', profile, threshold: 0.5, rawScore: 0 })).toThrow(/does not match/);
  });

  it('agrees with the NAB scorer on a real AWS series and the default detector', async () => {
    // Prepare
    const sharedData = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data');
    const corpus = await readNabCorpus(path.join(sharedData, 'nab'));
    const series = corpus.series.find((s) => s.file === 'realAWSCloudwatch/rds_cpu_utilization_e47b3b.csv') as NabSeries;
    const { factory, scale } = findDetector(DEFAULT_DETECTOR);
    const result: LabelledResult = { ...runDetector(factory(), scale, series), windows: corpus.windows.get(series.file) ?? [] };
    const threshold = 0.5;
    // Act
    const plot = seriesPlot({ series, result, detector: DEFAULT_DETECTOR, profile, threshold, rawScore: 0 });
    // Assess
    const counted = scoreFile(sweepFile(result, profile), threshold, profile);
    expect(plot.detections.inWindow).toHaveLength(counted.tp);
    expect(plot.detections.outside).toHaveLength(counted.fp);
    expect(plot.windows).toHaveLength(2);
    expect(plot.probation?.end).toBe(series.timestamps[probationLength(series.values.length) - 1]);
  });
});
