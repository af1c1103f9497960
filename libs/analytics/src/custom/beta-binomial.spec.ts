import { lnBetaBinomialUpperTail, lnGamma } from './beta-binomial';

/** P(X >= k) by summing the pmf straight from its product form, in plain floating point. */
function upperTailByProducts(k: number, n: number, alpha: number, beta: number): number {
  let tail = 0;
  for (let x = k; x <= n; x++) {
    // C(n, x) * prod_{i<x}(alpha+i) * prod_{j<n-x}(beta+j) / prod_{m<n}(alpha+beta+m)
    let p = 1;
    for (let i = 0; i < x; i++) p *= ((n - i) / (x - i)) * ((alpha + i) / (alpha + beta + i));
    for (let j = 0; j < n - x; j++) p *= (beta + j) / (alpha + beta + x + j);
    tail += p;
  }
  return tail;
}

describe('lnGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [11, Math.log(3_628_800)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
  ])('ln Γ(%p) = %p', (x, expected) => {
    expect(lnGamma(x)).toBeCloseTo(expected, 12);
  });
});

describe('lnBetaBinomialUpperTail', () => {
  it.each([
    [1, 1, 0.1, 9.9],
    [3, 10, 0.1, 1_009.9],
    [5, 20, 2, 8],
    [12, 30, 0.5, 0.5],
    [30, 30, 3, 297],
  ])('P(X >= %p) for n=%p, alpha=%p, beta=%p agrees with the product form', (k, n, alpha, beta) => {
    const expected = upperTailByProducts(k, n, alpha, beta);
    expect(Math.exp(lnBetaBinomialUpperTail(k, n, alpha, beta))).toBeCloseTo(expected, 12);
    expect(lnBetaBinomialUpperTail(k, n, alpha, beta) / Math.log(expected)).toBeCloseTo(1, 8);
  });

  it('stays finite and exact far in the tail, where plain probabilities underflow', () => {
    // P(X >= n) = P(X = n) = prod_{i<n} (alpha+i)/(alpha+beta+i), summed here as logs.
    const allFail = (n: number, alpha: number, beta: number): number =>
      Array.from({ length: n }, (_, i) => Math.log((alpha + i) / (alpha + beta + i))).reduce((a, b) => a + b, 0);
    const fifty = lnBetaBinomialUpperTail(50, 50, 0.01, 999.99);
    const fourHundred = lnBetaBinomialUpperTail(400, 400, 0.01, 999.99);
    expect(fifty / allFail(50, 0.01, 999.99)).toBeCloseTo(1, 10);
    expect(fourHundred / allFail(400, 0.01, 999.99)).toBeCloseTo(1, 10);
    expect(Math.exp(fourHundred)).toBe(0);
  });

  it('is 0 (certain) at k = 0 and -Infinity (impossible) above n', () => {
    expect(lnBetaBinomialUpperTail(0, 10, 1, 1)).toBe(0);
    expect(lnBetaBinomialUpperTail(11, 10, 1, 1)).toBe(-Infinity);
  });
});
