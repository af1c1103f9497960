import fc from 'fast-check';
import { DetectorStateError, type DetectorState } from '../detector';
import { INITIAL_LIKELIHOOD_STATE } from './anomaly-likelihood';
import { ROBUST_LIKELIHOOD_DETECTOR, robustLikelihood, type RobustLikelihoodOptions } from './robust-likelihood';

/** Small settings so that the properties run on short series. */
const SMALL: RobustLikelihoodOptions = { window: 60, learningPeriod: 40, halfLife: 50, refractoryRows: 5 };

const scores = (values: readonly number[], options: RobustLikelihoodOptions = SMALL): number[] => {
  const detector = robustLikelihood(options).create();
  return values.map((value, i) => detector.update(i * 60_000, value));
};

const noisy = (length: number): number[] => Array.from({ length }, (_, i) => 50 + ((i * 7) % 11) - 5);
const validState = (data: Record<string, unknown>): DetectorState => ({
  detector: ROBUST_LIKELIHOOD_DETECTOR,
  version: 1,
  data: { window: [], range: null, likelihood: INITIAL_LIKELIHOOD_STATE, quietRows: 0, ...data },
});

describe('robustLikelihood', () => {
  it('scores an ordinary noisy series low and a spike far above the red level (0.5)', () => {
    // Prepare
    const values = [...noisy(300), 500, ...noisy(20)];
    // Act
    const result = scores(values);
    // Assess
    expect(Math.max(...result.slice(0, 300))).toBeLessThan(0.3);
    expect(result[300]).toBeGreaterThan(0.9);
  });

  it('scores a flat series near 0', () => {
    // Act
    const result = scores(Array<number>(300).fill(7));
    // Assess
    expect(Math.max(...result)).toBeLessThan(0.05);
  });

  it('flags a level never visited in its window (novelty), even inside the range seen', () => {
    // Prepare: values alternate between two levels 0 and 100, then 50 appears.
    const values = [...Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0 : 100)), 50];
    // Act
    const result = scores(values);
    // Assess
    expect(result[200]).toBeGreaterThan(0.9);
  });

  it('lowers a second red alarm inside the refractory period, not after it', () => {
    // Prepare: three spikes to new extremes, 3 and then 10 rows apart (refractory 5 rows).
    const values = [...noisy(300), 500, ...noisy(2), 1000, ...noisy(9), 2000];
    // Act
    const result = scores(values);
    // Assess
    expect(result[300]).toBeGreaterThan(0.9);
    expect(result[303]).toBeLessThan(0.5);
    expect(result[313]).toBeGreaterThan(0.9);
  });

  it('always returns a finite score in [0, 1] (the AnomalyDetector contract; NAB scale "unit")', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 120 }), (values) => {
        // Act + Assess
        for (const score of scores(values, { ...SMALL, window: 20 })) expect(Number.isFinite(score) && score >= 0 && score <= 1).toBe(true);
      }),
    );
  });

  it('never looks ahead: a score is the same whatever the later points are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 150 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 30 }), (past, future) => {
        // Act + Assess
        expect(scores([...past, ...future]).slice(0, past.length)).toEqual(scores(past));
      }),
    );
  });

  it('resumes from a JSON snapshot taken mid-series with exactly the scores it would have given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 150 }), fc.nat(), (values, cut) => {
        // Prepare
        const factory = robustLikelihood(SMALL);
        const at = cut % (values.length + 1);
        const first = factory.create();
        const before = values.slice(0, at).map((value, i) => first.update(i, value));
        // Act
        const resumed = factory.restore(JSON.parse(JSON.stringify(first.snapshot())) as DetectorState);
        const after = values.slice(at).map((value, i) => resumed.update(at + i, value));
        // Assess
        expect([...before, ...after]).toEqual(scores(values));
      }),
    );
  });

  it.each<[string, DetectorState]>([
    ['another detector', { detector: 'robust-zscore', version: 1, data: { window: [], record: 0 } }],
    ['another version', { ...validState({}), version: 2 }],
    ['no data', { detector: ROBUST_LIKELIHOOD_DETECTOR, version: 1, data: null }],
    ['a window longer than the detector’s', validState({ window: Array<number>(61).fill(1) })],
    ['a reversed range', validState({ range: [2, 1] })],
    ['a refractory period longer than the detector’s', validState({ quietRows: 6 })],
    ['a raw score above 1', validState({ likelihood: { ...INITIAL_LIKELIHOOD_STATE, recent: [2] } })],
    ['a negative variance', validState({ likelihood: { ...INITIAL_LIKELIHOOD_STATE, variance: -1 } })],
  ])('refuses state of %s with a DetectorStateError', (_case, state) => {
    // Act + Assess
    expect(() => robustLikelihood(SMALL).restore(state)).toThrow(DetectorStateError);
  });

  it('accepts the state it writes', () => {
    // Act + Assess
    expect(() => robustLikelihood(SMALL).restore(validState({}))).not.toThrow();
  });

  it('refuses options outside their range and non-finite values', () => {
    // Act + Assess
    expect(() => robustLikelihood({ window: 0 })).toThrow(RangeError);
    expect(() => robustLikelihood({ halfLife: 0 })).toThrow(RangeError);
    expect(() => robustLikelihood({ zScale: -1 })).toThrow(RangeError);
    expect(() => robustLikelihood({ refractoryRows: 1.5 })).toThrow(RangeError);
    expect(() => robustLikelihood({ noveltyTolerance: Number.NaN })).toThrow(RangeError);
    expect(() => robustLikelihood().create().update(0, Number.NaN)).toThrow(RangeError);
  });
});
