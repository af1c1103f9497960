import { type NabProfile } from './profiles';
import { OUTSIDE_WINDOWS } from './sweep';
import { type SweptFile } from './swept-file';

/** NAB's first candidate threshold: above every score, so nothing is detected (SCORING.md §6). */
export const NO_DETECTION_THRESHOLD = 1.1;

export interface OptimizedThreshold {
  readonly threshold: number;
  /** The corpus's raw score (sum over files) at that threshold. */
  readonly rawScore: number;
}

interface PooledRow {
  readonly score: number;
  readonly sweep: number;
  /** Window id unique across the corpus, or OUTSIDE_WINDOWS. */
  readonly window: number;
}

/**
 * The single corpus-wide threshold with the highest total raw score (SCORING.md §6): pool every
 * post-probation row of every file, lower the threshold one distinct anomaly score at a time and
 * keep running totals. Exhaustive, so it finds the optimum NAB's older local search approximated;
 * on ties the higher threshold wins, as with NAB's stable sort.
 */
export function optimizeThreshold(files: readonly SweptFile[], profile: NabProfile): OptimizedThreshold {
  const rows: PooledRow[] = [];
  let windowBase = 0;
  let scoredWindows = 0;
  for (const file of files) {
    for (let i = file.probation; i < file.anomalyScores.length; i++) {
      const window = file.windowOf[i] ?? OUTSIDE_WINDOWS;
      rows.push({ score: file.anomalyScores[i] ?? 0, sweep: file.sweep[i] ?? 0, window: window === OUTSIDE_WINDOWS ? OUTSIDE_WINDOWS : windowBase + window });
    }
    windowBase += file.windowCount;
    scoredWindows += file.scoredWindows.length;
  }
  rows.sort((a, b) => b.score - a.score);

  // Scores above 1.1 are outside NAB's contract; the no-detection candidate must stay above them.
  const highest = rows[0]?.score ?? 0;
  let best: OptimizedThreshold = { threshold: highest < NO_DETECTION_THRESHOLD ? NO_DETECTION_THRESHOLD : highest + 1, rawScore: -profile.fnWeight * scoredWindows };
  const windowBest = new Map<number, number>();
  let total = best.rawScore;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PooledRow;
    if (row.window === OUTSIDE_WINDOWS) {
      total += row.sweep;
    } else {
      const previous = windowBest.get(row.window) ?? -profile.fnWeight;
      if (row.sweep > previous) {
        total += row.sweep - previous;
        windowBest.set(row.window, row.sweep);
      }
    }
    // A threshold detects every row scoring at least as much, so evaluate only after the last row of a tie.
    const isLastOfTie = rows[i + 1]?.score !== row.score;
    if (isLastOfTie && total > best.rawScore) best = { threshold: row.score, rawScore: total };
  }
  return best;
}
