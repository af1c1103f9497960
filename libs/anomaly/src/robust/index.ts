export { ROBUST_ZSCORE_DEFAULTS, ROBUST_ZSCORE_DETECTOR, robustZScore, type RobustZScoreOptions, type SurpriseMode } from './robust-zscore';
