// NAB (Numenta Anomaly Benchmark) scoring, re-implemented from the rules in shared/data/nab/SCORING.md.
// Pure and browser-safe; reading a NAB directory lives in ../node.
export { labelResults, type NabCorpus, windowCount, windowLabels } from './corpus';
export { NabInputError } from './errors';
export { type DetectorEvaluation, evaluateDetector, type EvaluateOptions, normalizedScores, type ProfileEvaluation } from './evaluate';
export { parseLabelsJson } from './labels';
export { normalizeScore } from './normalize';
export { NO_DETECTION_THRESHOLD, optimizeThreshold, type OptimizedThreshold } from './optimize-threshold';
export { PROBATIONARY_PERCENT, probationLength } from './probation';
export { NAB_PROFILES, type NabProfile, type NabProfiles, parseProfilesJson, PROFILE_NAMES, type ProfileName } from './profiles';
export { runDetector, type ScoreScale } from './run-detector';
export { type FileScore, scoreFile } from './score-file';
export { type NabSeries, parseResultsCsv, parseSeriesCsv, type ScoredSeries } from './series';
export { scaledSigmoid, sigmoid } from './sigmoid';
export { OUTSIDE_WINDOWS, sweepValues, windowOfRows } from './sweep';
export { type LabelledResult, sweepFile, type SweptFile } from './swept-file';
export { type DetectorThresholds, parseThresholdsJson } from './thresholds';
export { parseNabTimestamp } from './timestamp';
export { toUnitInterval } from './unit-score';
export { locateWindows, parseWindowsJson, type RowWindow, type WindowSpan } from './windows';
