import { type NabProfile } from './profiles';
import { OUTSIDE_WINDOWS } from './sweep';
import { type SweptFile } from './swept-file';

/** One file's NAB result at one threshold, as a row of NAB's `<det>_<profile>_scores.csv`. */
export interface FileScore {
  readonly file: string;
  readonly score: number;
  /** Per-row counts after probation (SCORING.md §5). */
  readonly tp: number;
  readonly tn: number;
  readonly fp: number;
  readonly fn: number;
}

/**
 * A file's raw NAB score at `threshold` (SCORING.md §5): each window adds its best detected row's
 * sweep value (the earliest detection; later ones in the same window are ignored) or -A_FN when
 * missed; every detection outside the windows adds its (negative) sweep value.
 */
export function scoreFile(file: SweptFile, threshold: number, profile: NabProfile): FileScore {
  const best = new Map<number, number>();
  let falsePositives = 0;
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  for (let i = file.probation; i < file.anomalyScores.length; i++) {
    const detected = (file.anomalyScores[i] ?? 0) >= threshold;
    const window = file.windowOf[i] ?? OUTSIDE_WINDOWS;
    const sweep = file.sweep[i] ?? 0;
    if (window === OUTSIDE_WINDOWS) {
      if (detected) {
        fp++;
        falsePositives += sweep;
      } else tn++;
    } else if (detected) {
      tp++;
      best.set(window, Math.max(best.get(window) ?? -Infinity, sweep));
    } else fn++;
  }
  const windowTerms = file.scoredWindows.reduce((sum, k) => sum + (best.get(k) ?? -profile.fnWeight), 0);
  return { file: file.file, score: windowTerms + falsePositives, tp, tn, fp, fn };
}
