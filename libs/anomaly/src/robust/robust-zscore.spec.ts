import fc from 'fast-check';
import { DetectorStateError, type DetectorState } from '../detector';
import { ROBUST_ZSCORE_DETECTOR, robustZScore, type RobustZScoreOptions } from './robust-zscore';

const scores = (values: readonly number[], options: RobustZScoreOptions = {}): number[] => {
  const detector = robustZScore(options).create();
  return values.map((value, i) => detector.update(i * 60_000, value));
};

const noisy = (length: number): number[] => Array.from({ length }, (_, i) => 50 + ((i * 7) % 11) - 5);

describe('robustZScore', () => {
  it('scores 0 for the first 30 points, then the distance from the window median in MAD-estimated standard deviations', () => {
    // Prepare: median 50, MAD 3 (1.4826 · 3 = 4.4478), floor 0.
    const values = [...noisy(30), 80];
    // Act
    const result = scores(values, { window: 30, relativeFloor: 0, surprise: 'absolute' });
    // Assess
    expect(result.slice(0, 30)).toEqual(Array<number>(30).fill(0));
    expect(result[30]).toBeCloseTo(30 / (1.4826 * 3 + 1e-9), 9);
  });

  it('is not blinded by an earlier spike in its window, unlike a mean and standard deviation', () => {
    // Prepare
    const values = [...noisy(100), 5000, ...noisy(20), 90];
    // Act
    const result = scores(values, { window: 100, relativeFloor: 0.01, surprise: 'absolute' });
    // Assess
    expect(result[121]).toBeGreaterThan(5);
  });

  it("in 'record' mode scores above 1 only points more unusual than any before", () => {
    // Prepare
    const values = [...noisy(40), 90, ...noisy(10), 80, 120];
    // Act
    const result = scores(values, { window: 40, relativeFloor: 0.01 });
    // Assess
    expect(result[40]).toBeGreaterThan(1);
    expect(result[51]).toBeLessThan(1);
    expect(result[52]).toBeGreaterThan(1);
  });

  it('always returns a finite score >= 0 (the AnomalyDetector contract)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 80 }), fc.constantFrom('absolute' as const, 'record' as const), (values, surprise) => {
        // Act + Assess
        for (const score of scores(values, { window: 10, surprise })) expect(Number.isFinite(score) && score >= 0).toBe(true);
      }),
    );
  });

  it('never looks ahead: a score is the same whatever the later points are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 80 }), fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 20 }), (past, future) => {
        // Act + Assess
        expect(scores([...past, ...future], { window: 40 }).slice(0, past.length)).toEqual(scores(past, { window: 40 }));
      }),
    );
  });

  it('resumes from a JSON snapshot taken mid-series with exactly the scores it would have given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 80 }), fc.nat(), (values, cut) => {
        // Prepare
        const factory = robustZScore({ window: 35 });
        const at = cut % (values.length + 1);
        const first = factory.create();
        const before = values.slice(0, at).map((value, i) => first.update(i, value));
        // Act
        const resumed = factory.restore(JSON.parse(JSON.stringify(first.snapshot())) as DetectorState);
        const after = values.slice(at).map((value, i) => resumed.update(at + i, value));
        // Assess
        expect([...before, ...after]).toEqual(scores(values, { window: 35 }));
      }),
    );
  });

  it.each<[string, DetectorState]>([
    ['another detector', { detector: 'ewma-zscore', version: 1, data: {} }],
    ['another version', { detector: ROBUST_ZSCORE_DETECTOR, version: 2, data: { window: [], record: 0 } }],
    ['a window longer than the detector’s', { detector: ROBUST_ZSCORE_DETECTOR, version: 1, data: { window: [1, 2, 3], record: 0 } }],
    ['a negative record', { detector: ROBUST_ZSCORE_DETECTOR, version: 1, data: { window: [], record: -1 } }],
    ['no data', { detector: ROBUST_ZSCORE_DETECTOR, version: 1, data: null }],
  ])('refuses state of %s with a DetectorStateError', (_case, state) => {
    // Act + Assess
    expect(() => robustZScore({ window: 2 }).restore(state)).toThrow(DetectorStateError);
  });

  it('refuses options outside their range and non-finite values', () => {
    // Act + Assess
    expect(() => robustZScore({ window: 0 })).toThrow(RangeError);
    expect(() => robustZScore({ relativeFloor: -0.1 })).toThrow(RangeError);
    expect(() => robustZScore().create().update(0, Number.NaN)).toThrow(RangeError);
  });
});
