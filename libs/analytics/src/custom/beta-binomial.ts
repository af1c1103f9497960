// Tail probabilities for the errorRate score, in log space so that bursts far in the tail
// (50 AccessDenied from a principal that never failed) still get a finite, ordered score.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

function logAddExp(x: number, y: number): number {
  const high = Math.max(x, y);
  return high + Math.log1p(Math.exp(Math.min(x, y) - high));
}

/** A term this far below the running sum (e^-40, about 4e-18) no longer changes it in double precision. */
const NEGLIGIBLE = 40;

/**
 * ln P(X >= k) for X ~ BetaBinomial(n, alpha, beta): the number of errors among `n` calls when the
 * error rate is uncertain, Beta(alpha, beta) distributed (the key's baseline plus a prior). The pmf
 * terms from k upwards are summed in log space until they stop mattering; at most n - k + 1 terms,
 * so a window's scoring costs at most its number of calls.
 */
export function lnBetaBinomialUpperTail(k: number, n: number, alpha: number, beta: number): number {
  if (k <= 0) return 0;
  if (k > n) return -Infinity;
  let logTerm = lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + lnBeta(k + alpha, n - k + beta) - lnBeta(alpha, beta);
  let logSum = logTerm;
  for (let x = k; x < n; x++) {
    const logRatio = Math.log((n - x) / (x + 1)) + Math.log((x + alpha) / (n - x - 1 + beta));
    logTerm += logRatio;
    logSum = logAddExp(logSum, logTerm);
    if (logRatio < 0 && logTerm < logSum - NEGLIGIBLE) break;
  }
  return Math.min(0, logSum);
}
