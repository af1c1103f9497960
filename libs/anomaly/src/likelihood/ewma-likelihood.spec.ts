import fc from 'fast-check';
import { DetectorStateError, type DetectorState } from '../detector';
import { INITIAL_LIKELIHOOD_STATE } from './anomaly-likelihood';
import { EWMA_LIKELIHOOD_DETECTOR, ewmaLikelihood, type EwmaLikelihoodOptions } from './ewma-likelihood';

const SMALL: EwmaLikelihoodOptions = { learningPeriod: 40, halfLife: 50, refractoryRows: 5 };

const scores = (values: readonly number[], options: EwmaLikelihoodOptions = SMALL): number[] => {
  const detector = ewmaLikelihood(options).create();
  return values.map((value, i) => detector.update(i * 60_000, value));
};

const noisy = (length: number): number[] => Array.from({ length }, (_, i) => 50 + ((i * 7) % 11) - 5);
const validState = (data: Record<string, unknown>): DetectorState => ({
  detector: EWMA_LIKELIHOOD_DETECTOR,
  version: 1,
  data: { seen: 0, mean: 0, variance: 0, range: null, likelihood: INITIAL_LIKELIHOOD_STATE, quietRows: 0, ...data },
});

describe('ewmaLikelihood', () => {
  it('scores an ordinary noisy series low, a flat one near 0, and a spike to a new extreme far above the red level', () => {
    // Act
    const spiky = scores([...noisy(300), 500]);
    const flat = scores(Array<number>(300).fill(7));
    // Assess
    expect(Math.max(...spiky.slice(0, 300))).toBeLessThan(0.3);
    expect(spiky[300]).toBeGreaterThan(0.9);
    expect(Math.max(...flat)).toBeLessThan(0.05);
  });

  it('always returns a finite score in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 120 }), (values) => {
        // Act + Assess
        for (const score of scores(values)) expect(Number.isFinite(score) && score >= 0 && score <= 1).toBe(true);
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
        const factory = ewmaLikelihood(SMALL);
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
    ['another detector', { detector: 'ewma-zscore', version: 1, data: { seen: 0, mean: 0, variance: 0 } }],
    ['another version', { ...validState({}), version: 2 }],
    ['no data', { detector: EWMA_LIKELIHOOD_DETECTOR, version: 1, data: null }],
    ['a negative variance', validState({ variance: -1 })],
    ['a reversed range', validState({ range: [2, 1] })],
    ['a malformed likelihood', validState({ likelihood: { ...INITIAL_LIKELIHOOD_STATE, previousRed: 'no' } })],
  ])('refuses state of %s with a DetectorStateError', (_case, state) => {
    // Act + Assess
    expect(() => ewmaLikelihood(SMALL).restore(state)).toThrow(DetectorStateError);
  });

  it('refuses options outside their range and non-finite values', () => {
    // Act + Assess
    expect(() => ewmaLikelihood({ alpha: 0 })).toThrow(RangeError);
    expect(() => ewmaLikelihood({ learningPeriod: 0 })).toThrow(RangeError);
    expect(() => ewmaLikelihood().create().update(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
