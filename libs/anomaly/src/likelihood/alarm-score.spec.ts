import { logLikelihoodScore, Refractory } from './alarm-score';
import { RED_TAIL, YELLOW_TAIL } from './anomaly-likelihood';

describe('logLikelihoodScore', () => {
  it('maps tail probabilities onto [0, 1] on a log scale, about 0.5 for a red alarm and 1 for certainty', () => {
    // Act + Assess
    expect(logLikelihoodScore(1)).toBeCloseTo(0, 9);
    expect(logLikelihoodScore(RED_TAIL)).toBeCloseTo(0.5, 6);
    expect(logLikelihoodScore(YELLOW_TAIL)).toBeCloseTo(0.3, 6);
    expect(logLikelihoodScore(0)).toBeCloseTo(1, 6);
    expect(logLikelihoodScore(1e-6)).toBeGreaterThan(logLikelihoodScore(1e-5));
  });
});

describe('Refractory', () => {
  it('lowers red alarms to yellow for the given rows after a red alarm, then lets the next one through', () => {
    // Prepare
    const refractory = new Refractory(3);
    const tails = [0.4, RED_TAIL, 0.2, RED_TAIL / 10, 0, 0.3, RED_TAIL];
    // Act
    const reported = tails.map((tail) => refractory.filter(tail));
    // Assess
    expect(reported).toEqual([0.4, RED_TAIL, 0.2, YELLOW_TAIL, YELLOW_TAIL, 0.3, RED_TAIL]);
  });

  it('with 0 rows changes nothing', () => {
    // Prepare
    const refractory = new Refractory(0);
    // Act + Assess
    expect([0, 0, 0.5].map((tail) => refractory.filter(tail))).toEqual([0, 0, 0.5]);
  });
});
