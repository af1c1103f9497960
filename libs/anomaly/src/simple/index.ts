export { EWMA_ZSCORE_DETECTOR, ewmaZScore, type EwmaZScoreOptions } from './ewma-zscore';
