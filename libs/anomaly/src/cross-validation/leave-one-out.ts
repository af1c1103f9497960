import { type DetectorFactory } from '../detector';
import { labelResults, type NabCorpus } from '../nab/corpus';
import { normalizeScore } from '../nab/normalize';
import { optimizeThreshold } from '../nab/optimize-threshold';
import { type ProfileName } from '../nab/profiles';
import { runDetector, type ScoreScale } from '../nab/run-detector';
import { scoreFile } from '../nab/score-file';
import { type ScoredSeries } from '../nab/series';
import { sweepFile, type SweptFile } from '../nab/swept-file';

/** One parameter setting of a detector, a candidate in the cross-validation grid. */
export interface Candidate {
  readonly label: string;
  readonly scale: ScoreScale;
  readonly factory: DetectorFactory;
}

/** One fold: the file held out, what the other files chose, and what the held-out file then scored. */
export interface HeldOutFold {
  readonly file: string;
  /** The candidate with the best NAB score on the other files (the first on ties). */
  readonly chosen: string;
  /** Its threshold, optimized on the other files. */
  readonly threshold: number;
  /** The held-out file's raw NAB score at that candidate and threshold. */
  readonly rawScore: number;
  readonly windowCount: number;
}

export interface LeaveOneOutResult {
  readonly profile: ProfileName;
  readonly folds: readonly HeldOutFold[];
  /** The held-out raw scores summed over the folds and normalized like NAB's corpus score. */
  readonly normalizedScore: number;
}

/**
 * Leave-one-out cross-validation over the corpus's files: for each file, the parameters (candidate)
 * and the threshold are chosen by NAB score on every other file, then only the held-out file is
 * scored. Unlike NAB's in-sample score, nothing about a file is tuned on that file.
 */
export function leaveOneOut(corpus: NabCorpus, candidates: readonly Candidate[], profileName: ProfileName): LeaveOneOutResult {
  if (candidates.length === 0) throw new RangeError('leave-one-out needs at least one candidate');
  const profile = corpus.profiles[profileName];
  const swept = candidates.map((candidate) => {
    const results = new Map<string, ScoredSeries>(corpus.series.map((series) => [series.file, runDetector(candidate.factory, candidate.scale, series)]));
    return labelResults(corpus, results, candidate.label).map((result) => sweepFile(result, profile));
  });
  const folds = corpus.series.map((series, heldOut): HeldOutFold => {
    let best: { candidate: number; threshold: number; rawScore: number } | undefined;
    swept.forEach((files, candidate) => {
      const optimum = optimizeThreshold(others(files, heldOut), profile);
      if (best === undefined || optimum.rawScore > best.rawScore) best = { candidate, ...optimum };
    });
    const chosen = best as { candidate: number; threshold: number };
    const file = (swept[chosen.candidate] as SweptFile[])[heldOut] as SweptFile;
    const label = (candidates[chosen.candidate] as Candidate).label;
    return { file: series.file, chosen: label, threshold: chosen.threshold, rawScore: scoreFile(file, chosen.threshold, profile).score, windowCount: file.windowCount };
  });
  const rawScore = folds.reduce((sum, fold) => sum + fold.rawScore, 0);
  const windowCount = folds.reduce((sum, fold) => sum + fold.windowCount, 0);
  return { profile: profileName, folds, normalizedScore: normalizeScore(rawScore, windowCount, profile) };
}

function others(files: readonly SweptFile[], heldOut: number): SweptFile[] {
  return files.filter((_, i) => i !== heldOut);
}
