import { type DetectorFactory } from './detector';
import { EWMA_LIKELIHOOD_DETECTOR, ewmaLikelihood, ROBUST_LIKELIHOOD_DETECTOR, robustLikelihood } from './likelihood';
import { type ScoreScale } from './nab/run-detector';
import { RANDOM_CUT_FOREST_DETECTOR, randomCutForest } from './rcf';
import { ROBUST_ZSCORE_DETECTOR, robustZScore } from './robust';
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
    name: ROBUST_LIKELIHOOD_DETECTOR,
    description:
      'anomaly likelihood (Ahmad et al. 2017) of robust z-scores over the last 1440 points, plus value novelty and a 200-row refractory period; scores in [0, 1], 0.5 = red alarm',
    scale: 'unit',
    factory: () => robustLikelihood(),
  },
  {
    name: EWMA_LIKELIHOOD_DETECTOR,
    description: 'anomaly likelihood of EWMA z-scores (alpha 0.05), plus new extremes and a 200-row refractory period; constant-size state; scores in [0, 1]',
    scale: 'unit',
    factory: () => ewmaLikelihood(),
  },
  {
    name: EWMA_ZSCORE_DETECTOR,
    description: 'EWMA z-score: distance from the moving mean in moving standard deviations (alpha 0.1, warm-up 10)',
    scale: 'unbounded',
    factory: () => ewmaZScore(),
  },
  {
    name: ROBUST_ZSCORE_DETECTOR,
    description: 'robust z-score over the last 1440 points (median, MAD floored at 10% of |median|), relative to the largest so far; chosen by leave-one-out on NAB AWS',
    scale: 'unbounded',
    factory: () => robustZScore(),
  },
  {
    name: RANDOM_CUT_FOREST_DETECTOR,
    description: 'random cut forest (Guha et al. 2016), mean CoDisp of 100 trees sampling 256 points with time decay 100000, shingle 1; a reference, with MB-sized state',
    scale: 'unbounded',
    factory: () => randomCutForest(),
  },
];

/**
 * The detector this library recommends for the engine's anomalyScore: robust-likelihood, the best
 * of our detectors on the leave-one-out NAB evaluation (docs/anomaly.md). The engine's anomalyScore
 * uses it whenever no detector is injected (libs/analytics engine-options), so `trailpulse nab`'s
 * `default` is the engine's detector, as nab-output.md requires. Its scores are in [0, 1] (about 0.5
 * for a red alarm), which satisfies the engine's "finite number >= 0".
 */
export const DEFAULT_DETECTOR = ROBUST_LIKELIHOOD_DETECTOR;

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
