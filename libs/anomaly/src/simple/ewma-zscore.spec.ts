import fc from 'fast-check';
import { DetectorStateError, type DetectorState } from '../detector';
import { EWMA_ZSCORE_DETECTOR, ewmaZScore } from './ewma-zscore';

const scores = (values: readonly number[], options = {}): number[] => {
  const detector = ewmaZScore(options).create();
  return values.map((value, i) => detector.update(i * 60_000, value));
};

describe('ewmaZScore', () => {
  it('scores 0 during warm-up, then how far a point lies from the moving mean in moving standard deviations', () => {
    // Act
    const result = scores([100, 102, 98, 101, 99, 100, 150], { warmUp: 6 });
    // Assess
    expect(result.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result[6]).toBeGreaterThan(10);
  });

  it('gives a steady series low scores and a spike a high one', () => {
    // Prepare
    const steady = Array.from({ length: 50 }, (_, i) => 1000 + (i % 5) * 10);
    // Act
    const result = scores([...steady, 5000]);
    // Assess
    expect(Math.max(...result.slice(10, 50))).toBeLessThan(3);
    expect(result[50]).toBeGreaterThan(50);
  });

  it('does not make a flat series infinitely anomalous: the standard deviation has a floor of one call', () => {
    // Act
    const result = scores([...Array<number>(20).fill(7), 8]);
    // Assess
    expect(result[20]).toBe(1);
  });

  it('always returns a finite score >= 0 (the AnomalyDetector contract)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 60 }), fc.integer({ min: 0, max: 5 }), (values, warmUp) => {
        // Act + Assess
        for (const score of scores(values, { warmUp })) expect(Number.isFinite(score) && score >= 0).toBe(true);
      }),
    );
  });

  it('resumes from a JSON snapshot exactly where it stopped', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 40 }), fc.nat(), (values, cut) => {
        // Prepare
        const factory = ewmaZScore({ warmUp: 3 });
        const at = cut % (values.length + 1);
        const first = factory.create();
        const before = values.slice(0, at).map((value, i) => first.update(i, value));
        // Act
        const resumed = factory.restore(JSON.parse(JSON.stringify(first.snapshot())) as DetectorState);
        const after = values.slice(at).map((value, i) => resumed.update(at + i, value));
        // Assess
        expect([...before, ...after]).toEqual(scores(values, { warmUp: 3 }));
      }),
    );
  });

  it.each<[string, DetectorState]>([
    ['another detector', { detector: 'random-cut-forest', version: 1, data: {} }],
    ['another version', { detector: EWMA_ZSCORE_DETECTOR, version: 2, data: { seen: 0, mean: 0, variance: 0 } }],
    ['a negative variance', { detector: EWMA_ZSCORE_DETECTOR, version: 1, data: { seen: 1, mean: 0, variance: -1 } }],
    ['no data', { detector: EWMA_ZSCORE_DETECTOR, version: 1, data: null }],
  ])('refuses state of %s with a DetectorStateError', (_case, state) => {
    // Act + Assess
    expect(() => ewmaZScore().restore(state)).toThrow(DetectorStateError);
  });

  it('refuses options outside their range and non-finite values', () => {
    // Act + Assess
    expect(() => ewmaZScore({ alpha: 0 })).toThrow(RangeError);
    expect(() => ewmaZScore({ warmUp: -1 })).toThrow(RangeError);
    expect(() => ewmaZScore().create().update(0, Number.NaN)).toThrow(RangeError);
  });
});
