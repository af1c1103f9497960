/**
 * The upper tail probability of a standard normal variable, P(Z >= z) = erfc(z / √2) / 2.
 *
 * erfc is the Chebyshev fit of Numerical Recipes (Press et al., 2nd ed., §6.2, `erfcc`): relative
 * error below 1.2e-7 everywhere, which is ample here because the anomaly likelihood only compares
 * tail probabilities on a log scale (1e-5 against 1e-3), and it is deterministic on every platform.
 */
export function gaussianTail(z: number): number {
  return 0.5 * complementaryErrorFunction(z / Math.SQRT2);
}

function complementaryErrorFunction(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const polynomial = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const tail = t * Math.exp(-z * z + polynomial);
  return x >= 0 ? tail : 2 - tail;
}
