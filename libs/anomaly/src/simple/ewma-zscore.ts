import { type AnomalyDetector, type DetectorFactory, type DetectorState, DetectorStateError } from '../detector';

/** The name the detector's snapshots are tagged with. */
export const EWMA_ZSCORE_DETECTOR = 'ewma-zscore';
const STATE_VERSION = 1;

export interface EwmaZScoreOptions {
  /** Weight of the newest point in the moving mean and variance, in (0, 1]. Default 0.1: roughly the last 20 points count. */
  readonly alpha?: number;
  /** Points learned before the detector scores; until then every score is 0. Default 10. */
  readonly warmUp?: number;
}

const DEFAULT_ALPHA = 0.1;
const DEFAULT_WARM_UP = 10;
/**
 * Floor of the standard deviation in the z-score. The series are call counts (integers): a series
 * that never moved would otherwise make a change of one call infinitely anomalous.
 */
const MIN_STANDARD_DEVIATION = 1;

interface SeriesState {
  readonly seen: number;
  readonly mean: number;
  readonly variance: number;
}

/**
 * A simple built-in detector: how many (exponentially weighted) standard deviations a point lies
 * from the exponentially weighted mean of the points before it. Cheap and explainable; it ignores
 * timestamps, so gaps in the series (windows without calls) are not seen as zeros.
 */
export function ewmaZScore(options: EwmaZScoreOptions = {}): DetectorFactory {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const warmUp = options.warmUp ?? DEFAULT_WARM_UP;
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`ewma-zscore alpha must be in (0, 1], got ${alpha}`);
  if (!Number.isInteger(warmUp) || warmUp < 0) throw new RangeError(`ewma-zscore warmUp must be a non-negative integer, got ${warmUp}`);
  return {
    name: EWMA_ZSCORE_DETECTOR,
    create: () => new EwmaZScoreDetector(alpha, warmUp, { seen: 0, mean: 0, variance: 0 }),
    restore: (state) => new EwmaZScoreDetector(alpha, warmUp, readSeriesState(state)),
  };
}

class EwmaZScoreDetector implements AnomalyDetector {
  private seen: number;
  private mean: number;
  private variance: number;

  constructor(
    private readonly alpha: number,
    private readonly warmUp: number,
    state: SeriesState,
  ) {
    ({ seen: this.seen, mean: this.mean, variance: this.variance } = state);
  }

  update(_timestampMs: number, value: number): number {
    if (!Number.isFinite(value)) throw new RangeError(`ewma-zscore can only score finite values, got ${value}`);
    const score = this.seen >= this.warmUp ? this.zScore(value) : 0;
    this.learn(value);
    return score;
  }

  snapshot(): DetectorState {
    const data: SeriesState = { seen: this.seen, mean: this.mean, variance: this.variance };
    return { detector: EWMA_ZSCORE_DETECTOR, version: STATE_VERSION, data };
  }

  private zScore(value: number): number {
    const score = Math.abs(value - this.mean) / Math.max(Math.sqrt(this.variance), MIN_STANDARD_DEVIATION);
    // Only values near Number.MAX_VALUE can overflow; the contract wants a finite score.
    return Number.isFinite(score) ? score : Number.MAX_VALUE;
  }

  /** Incremental exponentially weighted mean and variance (Finch 2009, "Incremental calculation of weighted mean and variance"). */
  private learn(value: number): void {
    if (this.seen === 0) {
      this.mean = value;
      this.variance = 0;
    } else {
      const difference = value - this.mean;
      const increment = this.alpha * difference;
      this.mean += increment;
      this.variance = (1 - this.alpha) * (this.variance + difference * increment);
    }
    this.seen++;
  }
}

function readSeriesState(state: DetectorState): SeriesState {
  if (state.detector !== EWMA_ZSCORE_DETECTOR) {
    throw new DetectorStateError(`state was written by detector "${state.detector}", not "${EWMA_ZSCORE_DETECTOR}"`);
  }
  if (state.version !== STATE_VERSION) {
    throw new DetectorStateError(`${EWMA_ZSCORE_DETECTOR} state version ${state.version} is not supported (expected ${STATE_VERSION})`);
  }
  const data = state.data as Partial<Record<keyof SeriesState, unknown>> | null;
  const seen = data?.seen;
  const mean = data?.mean;
  const variance = data?.variance;
  if (!Number.isSafeInteger(seen) || (seen as number) < 0 || !Number.isFinite(mean) || !Number.isFinite(variance) || (variance as number) < 0) {
    throw new DetectorStateError(`${EWMA_ZSCORE_DETECTOR} state needs a non-negative integer seen, a finite mean and a finite non-negative variance`);
  }
  return { seen: seen as number, mean: mean as number, variance: variance as number };
}
