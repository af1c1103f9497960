import fc from 'fast-check';
import { DetectorStateError, type DetectorState } from '../detector';
import { RANDOM_CUT_FOREST_DETECTOR, randomCutForest, type RandomCutForestOptions } from './random-cut-forest';

/** A small forest: the mechanics are the same as the default's 100 × 256, the tests stay fast. */
const SMALL: RandomCutForestOptions = { trees: 8, sampleSize: 16, shingleSize: 2, timeDecay: 50, seed: 5 };

const scores = (values: readonly number[], options: RandomCutForestOptions = SMALL): number[] => {
  const detector = randomCutForest(options).create();
  return values.map((value, i) => detector.update(i * 60_000, value));
};

const wave = (length: number): number[] => Array.from({ length }, (_, i) => 100 + 10 * Math.sin(i / 3));

describe('randomCutForest', () => {
  it('gives the same scores for the same seed and other scores for another seed', () => {
    // Prepare
    const values = wave(120);
    // Act + Assess
    expect(scores(values)).toEqual(scores(values));
    expect(scores(values, { ...SMALL, seed: 6 })).not.toEqual(scores(values));
  });

  it('scores a spike far above the points of a regular series', () => {
    // Prepare
    const values = [...wave(300), 400];
    // Act
    const result = scores(values, { seed: 1, trees: 30, sampleSize: 64 });
    // Assess
    expect(result[300]).toBeGreaterThan(3 * Math.max(...result.slice(100, 300)));
  });

  it('scores 0 until the first shingle is full, then finite scores >= 0', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }), (values) => {
        // Act
        const result = scores(values);
        // Assess
        expect(result.slice(0, 2)).toEqual(values.slice(0, 2).map(() => 0));
        for (const score of result) expect(Number.isFinite(score) && score >= 0).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('never looks ahead: a score is the same whatever the later points are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 50 }), fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }), (past, future) => {
        // Act
        const alone = scores(past);
        const followed = scores([...past, ...future]);
        // Assess
        expect(followed.slice(0, past.length)).toEqual(alone);
      }),
      { numRuns: 50 },
    );
  });

  it('resumes from a JSON snapshot taken mid-series with exactly the scores it would have given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 80 }), fc.nat(), (values, cut) => {
        // Prepare
        const factory = randomCutForest(SMALL);
        const at = cut % (values.length + 1);
        const first = factory.create();
        const before = values.slice(0, at).map((value, i) => first.update(i, value));
        // Act
        const resumed = factory.restore(JSON.parse(JSON.stringify(first.snapshot())) as DetectorState);
        const after = values.slice(at).map((value, i) => resumed.update(at + i, value));
        // Assess
        expect([...before, ...after]).toEqual(scores(values));
      }),
      { numRuns: 40 },
    );
  });

  it('stores each sampled point once in its snapshot, however many trees sample it', () => {
    // Prepare
    const detector = randomCutForest(SMALL).create();
    wave(10).forEach((value, i) => detector.update(i, value));
    // Act
    const data = detector.snapshot().data as { points: unknown[] };
    // Assess: 10 values make 9 distinct 2-value shingles, all sampled while the samples are not full.
    expect(data.points).toHaveLength(9);
  });

  it.each<[string, DetectorState]>([
    ['another detector', { detector: 'ewma-zscore', version: 1, data: {} }],
    ['another version', { detector: RANDOM_CUT_FOREST_DETECTOR, version: 2, data: {} }],
    ['no data', { detector: RANDOM_CUT_FOREST_DETECTOR, version: 1, data: null }],
    ['another number of trees', { detector: RANDOM_CUT_FOREST_DETECTOR, version: 1, data: { seen: 0, recent: [], random: 1, points: [], trees: [] } }],
    [
      'a leaf pointing at a missing point',
      { detector: RANDOM_CUT_FOREST_DETECTOR, version: 1, data: { seen: 1, recent: [], random: 1, points: [], trees: [{ sample: [], nodes: [-1, 1] }] } },
    ],
  ])('refuses state of %s with a DetectorStateError', (_case, state) => {
    // Act + Assess
    expect(() => randomCutForest({ ...SMALL, trees: 1 }).restore(state)).toThrow(DetectorStateError);
  });

  it('refuses options outside their range and non-finite values', () => {
    // Act + Assess
    expect(() => randomCutForest({ trees: 0 })).toThrow(RangeError);
    expect(() => randomCutForest({ shingleSize: 1.5 })).toThrow(RangeError);
    expect(() => randomCutForest({ timeDecay: 0 })).toThrow(RangeError);
    expect(() => randomCutForest(SMALL).create().update(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
