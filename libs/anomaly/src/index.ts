// Public API of @trailpulse/anomaly: streaming detectors for the engine's anomalyScore.
export * from './detector';
export * from './simple';
export * from './robust';
export * from './likelihood';
export * from './rcf';
export * from './nab';
export * from './cross-validation';
export * from './registry';
