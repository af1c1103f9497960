import { type DetectorFactory } from '../detector';
import { type NabSeries, type ScoredSeries } from './series';
import { toUnitInterval } from './unit-score';

/** How a detector's scores relate to NAB's [0, 1] anomaly score. */
export type ScoreScale = 'unit' | 'unbounded';

/**
 * Runs a fresh detector over one series, one update(timestamp, value) per row in order, as the
 * engine does, and returns NAB anomaly scores (unbounded scores mapped by toUnitInterval).
 */
export function runDetector(factory: DetectorFactory, scale: ScoreScale, series: NabSeries): ScoredSeries {
  const detector = factory.create();
  const anomalyScores = series.values.map((value, i) => {
    const score = detector.update(series.timestamps[i] ?? 0, value);
    return scale === 'unbounded' ? toUnitInterval(score) : score;
  });
  return { file: series.file, timestamps: series.timestamps, anomalyScores };
}
