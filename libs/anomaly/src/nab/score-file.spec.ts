import { NAB_PROFILES } from './profiles';
import { scoreFile } from './score-file';
import { sweepFile } from './swept-file';

const minute = 60_000;
const timestamps = Array.from({ length: 100 }, (_, i) => i * minute);

/** A 100-row file (probation 15) with one window on rows 40-49 and the given detections. */
function scoreWithDetections(rows: readonly number[], threshold = 0.5) {
  const anomalyScores = timestamps.map((_, i) => (rows.includes(i) ? 1 : 0));
  const swept = sweepFile({ file: 'x/a.csv', timestamps, anomalyScores, windows: [{ start: 40 * minute, end: 49 * minute }] }, NAB_PROFILES.standard);
  return { swept, score: scoreFile(swept, threshold, NAB_PROFILES.standard) };
}

describe('scoreFile', () => {
  it('counts only the best detection in a window, and every FP', () => {
    // Act
    const { swept, score } = scoreWithDetections([20, 42, 45, 48, 70]);
    // Assess
    expect(score.score).toBeCloseTo((swept.sweep[42] ?? 0) + (swept.sweep[20] ?? 0) + (swept.sweep[70] ?? 0), 15);
    expect({ tp: score.tp, fn: score.fn, fp: score.fp, tn: score.tn }).toEqual({ tp: 3, fn: 7, fp: 2, tn: 73 });
  });

  it('costs A_FN for a missed window and ignores detections in the probationary period', () => {
    // Act
    const { score } = scoreWithDetections([0, 14]);
    // Assess
    expect(score.score).toBe(-1);
    expect(score.fp + score.tp).toBe(0);
  });

  it('detects rows scoring exactly the threshold', () => {
    // Act
    const { score } = scoreWithDetections([40], 1);
    // Assess
    expect(score.score).toBeCloseTo(1, 15);
  });
});
