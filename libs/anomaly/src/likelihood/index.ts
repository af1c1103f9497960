export { logLikelihoodScore, Refractory } from './alarm-score';
export { AnomalyLikelihood, type AnomalyLikelihoodSettings, type AnomalyLikelihoodState, RED_TAIL, YELLOW_TAIL } from './anomaly-likelihood';
export { gaussianTail } from './gaussian-tail';
export { ROBUST_LIKELIHOOD_DEFAULTS, ROBUST_LIKELIHOOD_DETECTOR, robustLikelihood, type RobustLikelihoodOptions } from './robust-likelihood';
export { EWMA_LIKELIHOOD_DEFAULTS, EWMA_LIKELIHOOD_DETECTOR, ewmaLikelihood, type EwmaLikelihoodOptions } from './ewma-likelihood';
