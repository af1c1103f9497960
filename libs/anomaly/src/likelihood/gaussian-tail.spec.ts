import { gaussianTail } from './gaussian-tail';

describe('gaussianTail', () => {
  it.each([
    // Standard normal upper tail probabilities (Abramowitz and Stegun, table 26.1).
    [0, 0.5],
    [1, 0.158655254],
    [2, 0.022750132],
    [3, 0.001349898],
    [-1, 0.841344746],
  ])('P(Z >= %d) is %d', (z, expected) => {
    // Act + Assess
    expect(gaussianTail(z)).toBeCloseTo(expected, 7);
  });

  it('keeps a small relative error far in the tail, where the likelihood alarms', () => {
    // Prepare: P(Z >= 4.264891) = 1e-5 and P(Z >= 6.361341) = 1e-10.
    // Act + Assess
    expect(gaussianTail(4.264891) / 1e-5).toBeCloseTo(1, 5);
    expect(gaussianTail(6.361341) / 1e-10).toBeCloseTo(1, 5);
  });
});
