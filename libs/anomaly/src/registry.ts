import { type DetectorFactory } from './detector';
import { type ScoreScale } from './nab/run-detector';
import { EWMA_ZSCORE_DETECTOR, ewmaZScore } from './simple';

/** A detector available by name to the engine, the CLI and the NAB evaluation. */
export interface RegisteredDetector {
  readonly name: string;
  readonly description: string;
  /** 'unbounded' scores are mapped into [0, 1) for NAB (see nab/unit-score.ts). */
  readonly scale: ScoreScale;
  /** A factory with the detector's fixed parameters: the same for every data set. */
  readonly factory: () => DetectorFactory;
}

/** Every detector, by stable name. New detectors plug in here. */
export const DETECTORS: readonly RegisteredDetector[] = [
  {
    name: EWMA_ZSCORE_DETECTOR,
    description: 'EWMA z-score: distance from the moving mean in moving standard deviations (alpha 0.1, warm-up 10)',
    scale: 'unbounded',
    factory: () => ewmaZScore(),
  },
];

/** The detector that scores the engine's anomalyScore (libs/analytics engine-options: ewmaZScore()). */
export const DEFAULT_DETECTOR = EWMA_ZSCORE_DETECTOR;

export class UnknownDetectorError extends Error {
  override readonly name = 'UnknownDetectorError';
  constructor(readonly detector: string) {
    super(`unknown detector "${detector}" (available: ${DETECTORS.map((d) => d.name).join(', ')})`);
  }
}

/** The registered detector called `name`; throws UnknownDetectorError for any other name. */
export function findDetector(name: string): RegisteredDetector {
  const detector = DETECTORS.find((d) => d.name === name);
  if (detector === undefined) throw new UnknownDetectorError(name);
  return detector;
}
