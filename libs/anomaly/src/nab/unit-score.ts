/**
 * Maps a detector's unbounded score s >= 0 into [0, 1) for NAB: s / (1 + s).
 *
 * Why this map: it keeps the order of scores and needs no look-ahead (no per-series min/max), and
 * NAB optimizes one threshold over the distinct scores, so an order-keeping map leaves the NAB
 * score unchanged. Unlike 1 - exp(-s), it does not round large scores to exactly 1 (that happens
 * from s ≈ 37, an ordinary z-score for a spike): in doubles it only merges scores closer than
 * about s² × 1e-16, so ties are not created where the raw scores differ.
 */
export function toUnitInterval(score: number): number {
  return score / (1 + score);
}
