import { normalizeScore } from './normalize';
import { optimizeThreshold } from './optimize-threshold';
import { NAB_PROFILES, PROFILE_NAMES, type NabProfile, type NabProfiles, type ProfileName } from './profiles';
import { type FileScore, scoreFile } from './score-file';
import { type LabelledResult, sweepFile } from './swept-file';
import { type DetectorThresholds } from './thresholds';

/** A detector's NAB result under one profile. */
export interface ProfileEvaluation {
  readonly threshold: number;
  /** True when the threshold was optimized on these files, false when it was given (published). */
  readonly optimized: boolean;
  /** Sum of the per-file raw scores. */
  readonly rawScore: number;
  /** 0 = null detector, 100 = perfect detector. */
  readonly normalizedScore: number;
  readonly windowCount: number;
  readonly files: readonly FileScore[];
}

export type DetectorEvaluation = Readonly<Record<ProfileName, ProfileEvaluation>>;

export interface EvaluateOptions {
  readonly profiles?: NabProfiles;
  /**
   * Thresholds to score at instead of optimizing, e.g. the published ones in config/thresholds.json:
   * scoring at them is how the published scores are reproduced (SCORING.md §9.4).
   */
  readonly thresholds?: DetectorThresholds;
}

/** Scores one detector's results on a corpus under every NAB profile. */
export function evaluateDetector(results: readonly LabelledResult[], options: EvaluateOptions = {}): DetectorEvaluation {
  const profiles = options.profiles ?? NAB_PROFILES;
  const evaluate = (name: ProfileName) => evaluateProfile(results, profiles[name], options.thresholds?.[name]);
  return { standard: evaluate('standard'), reward_low_FP_rate: evaluate('reward_low_FP_rate'), reward_low_FN_rate: evaluate('reward_low_FN_rate') };
}

function evaluateProfile(results: readonly LabelledResult[], profile: NabProfile, givenThreshold: number | undefined): ProfileEvaluation {
  const swept = results.map((result) => sweepFile(result, profile));
  const threshold = givenThreshold ?? optimizeThreshold(swept, profile).threshold;
  const files = swept.map((file) => scoreFile(file, threshold, profile));
  const rawScore = files.reduce((sum, file) => sum + file.score, 0);
  const windowCount = swept.reduce((sum, file) => sum + file.windowCount, 0);
  return { threshold, optimized: givenThreshold === undefined, rawScore, normalizedScore: normalizeScore(rawScore, windowCount, profile), windowCount, files };
}

/** The three normalized scores, in the shape of nab-output.md. */
export function normalizedScores(evaluation: DetectorEvaluation): Record<ProfileName, number> {
  return Object.fromEntries(PROFILE_NAMES.map((name) => [name, evaluation[name].normalizedScore])) as Record<ProfileName, number>;
}
