import { AnomalyLikelihood, RED_TAIL, YELLOW_TAIL } from './anomaly-likelihood';

const settings = { averagingWindow: 10, learningPeriod: 50, halfLife: 100 };

describe('AnomalyLikelihood', () => {
  it('reports 0.5 (no opinion) during its learning period', () => {
    // Prepare
    const likelihood = new AnomalyLikelihood(settings);
    // Act
    const tails = Array.from({ length: 50 }, (_, i) => likelihood.update(i % 2 === 0 ? 0 : 1));
    // Assess
    expect(tails).toEqual(Array<number>(50).fill(0.5));
  });

  it('raises a red alarm when the average raw score leaves its learned distribution, then lowers the next red alarm to yellow', () => {
    // Prepare: raw scores around 0.1 while learning.
    const likelihood = new AnomalyLikelihood(settings);
    for (let i = 0; i < 200; i++) likelihood.update(0.1 + 0.02 * Math.sin(i));
    // Act: a sustained jump to raw score 1.
    const tails = Array.from({ length: 5 }, () => likelihood.update(1));
    // Assess
    const firstRed = tails.findIndex((tail) => tail <= RED_TAIL);
    expect(firstRed).toBeGreaterThanOrEqual(0);
    expect(tails[firstRed + 1]).toBe(YELLOW_TAIL);
  });

  it('gives ordinary raw scores a tail probability far from an alarm', () => {
    // Prepare
    const likelihood = new AnomalyLikelihood(settings);
    const raws = Array.from({ length: 400 }, (_, i) => 0.2 + 0.1 * Math.sin(i / 3));
    // Act
    const tails = raws.map((raw) => likelihood.update(raw)).slice(settings.learningPeriod);
    // Assess
    expect(Math.min(...tails)).toBeGreaterThan(YELLOW_TAIL);
  });

  it('continues identically from its state', () => {
    // Prepare
    const raws = Array.from({ length: 300 }, (_, i) => (i % 37 === 0 ? 1 : ((i * 7) % 10) / 20));
    const whole = new AnomalyLikelihood(settings);
    const expected = raws.map((raw) => whole.update(raw));
    const first = new AnomalyLikelihood(settings);
    const before = raws.slice(0, 120).map((raw) => first.update(raw));
    // Act
    const resumed = new AnomalyLikelihood(settings, JSON.parse(JSON.stringify(first.state())));
    const after = raws.slice(120).map((raw) => resumed.update(raw));
    // Assess
    expect([...before, ...after]).toEqual(expected);
  });
});
