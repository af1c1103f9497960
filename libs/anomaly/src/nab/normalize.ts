import { type NabProfile } from './profiles';

/**
 * NAB's normalized score (SCORING.md §8): 0 for the null detector, which never fires and so misses
 * every window (-A_FN × W), and 100 for the perfect detector, which fires on every window's first
 * row (A_TP × W). W counts every window of the files scored.
 */
export function normalizeScore(rawScore: number, windowCount: number, profile: NabProfile): number {
  const nullScore = -profile.fnWeight * windowCount;
  const perfectScore = profile.tpWeight * windowCount;
  return (100 * (rawScore - nullScore)) / (perfectScore - nullScore);
}
