/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * NAB's scaled sigmoid of a relative position `y` (SCORING.md §3): close to +1 at a window's left
 * edge (y = -1), 0 at its right edge, falling towards -1 after it, and exactly -1 beyond 3.
 */
export function scaledSigmoid(y: number): number {
  if (y > 3) return -1;
  return 2 * sigmoid(-5 * y) - 1;
}
