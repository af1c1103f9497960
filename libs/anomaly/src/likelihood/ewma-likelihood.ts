import { type AnomalyDetector, type DetectorFactory, type DetectorState, DetectorStateError } from '../detector';
import { logLikelihoodScore, Refractory } from './alarm-score';
import { AnomalyLikelihood, type AnomalyLikelihoodState, INITIAL_LIKELIHOOD_STATE, likelihoodStateProblems } from './anomaly-likelihood';

/** The name the detector's snapshots are tagged with. */
export const EWMA_LIKELIHOOD_DETECTOR = 'ewma-likelihood';
const STATE_VERSION = 1;

export interface EwmaLikelihoodOptions {
  /** Weight of the newest point in the moving mean and variance. Default 0.05 (about the last 40 points). */
  readonly alpha?: number;
  /** The z-score that makes a raw score of 1. Default 10. */
  readonly zScale?: number;
  /** Points before the likelihood reports anything. Default 300. */
  readonly learningPeriod?: number;
  /** Half-life, in points, of the learned distribution of averaged raw scores. Default 250. */
  readonly halfLife?: number;
  /** A new minimum or maximum beyond this fraction of the range seen so far is a red alarm. Default 0.05. */
  readonly extremeTolerance?: number;
  /** Rows after a red alarm in which further red alarms are lowered to yellow. Default 200. */
  readonly refractoryRows?: number;
}

export const EWMA_LIKELIHOOD_DEFAULTS: Required<EwmaLikelihoodOptions> = { alpha: 0.05, zScale: 10, learningPeriod: 300, halfLife: 250, extremeTolerance: 0.05, refractoryRows: 200 };

const AVERAGING_WINDOW = 10;
/** Points before a z-score or an extreme counts. */
const WARM_UP = 30;
/** The spread is at least the range over 130 (see robust-likelihood). */
const RANGE_BUCKETS = 130;
const ABSOLUTE_FLOOR = 1e-9;

interface EwmaLikelihoodState {
  readonly seen: number;
  readonly mean: number;
  readonly variance: number;
  readonly range: readonly [number, number] | null;
  readonly likelihood: AnomalyLikelihoodState;
  readonly quietRows: number;
}

/**
 * ewma-likelihood: the anomaly likelihood pipeline of robust-likelihood with constant-size state
 * (about 500 bytes of JSON): the raw score is the EWMA z-score (distance from the exponentially weighted
 * mean in exponentially weighted standard deviations), and novelty is only Numenta's "spatial
 * anomaly" rule (a new minimum or maximum beyond 5% of the range), which needs no window. For
 * series where a window of values per series is too much state.
 */
export function ewmaLikelihood(options: EwmaLikelihoodOptions = {}): DetectorFactory {
  const settings = { ...EWMA_LIKELIHOOD_DEFAULTS, ...options };
  if (!(settings.alpha > 0 && settings.alpha <= 1)) throw new RangeError(`${EWMA_LIKELIHOOD_DETECTOR} alpha must be in (0, 1], got ${settings.alpha}`);
  if (!(Number.isFinite(settings.zScale) && settings.zScale > 0)) throw new RangeError(`${EWMA_LIKELIHOOD_DETECTOR} zScale must be finite and > 0, got ${settings.zScale}`);
  if (!(Number.isFinite(settings.halfLife) && settings.halfLife > 0)) throw new RangeError(`${EWMA_LIKELIHOOD_DETECTOR} halfLife must be finite and > 0, got ${settings.halfLife}`);
  if (!Number.isSafeInteger(settings.learningPeriod) || settings.learningPeriod < 1) throw new RangeError(`${EWMA_LIKELIHOOD_DETECTOR} learningPeriod must be a positive integer, got ${settings.learningPeriod}`);
  if (!(Number.isFinite(settings.extremeTolerance) && settings.extremeTolerance >= 0)) throw new RangeError(`${EWMA_LIKELIHOOD_DETECTOR} extremeTolerance must be finite and >= 0, got ${settings.extremeTolerance}`);
  if (!Number.isSafeInteger(settings.refractoryRows) || settings.refractoryRows < 0) throw new RangeError(`${EWMA_LIKELIHOOD_DETECTOR} refractoryRows must be a non-negative integer, got ${settings.refractoryRows}`);
  return {
    name: EWMA_LIKELIHOOD_DETECTOR,
    create: () => new EwmaLikelihoodDetector(settings, { seen: 0, mean: 0, variance: 0, range: null, likelihood: INITIAL_LIKELIHOOD_STATE, quietRows: 0 }),
    restore: (state) => new EwmaLikelihoodDetector(settings, readState(state, settings)),
  };
}

class EwmaLikelihoodDetector implements AnomalyDetector {
  private seen: number;
  private mean: number;
  private variance: number;
  private range: [number, number] | null;
  private readonly likelihood: AnomalyLikelihood;
  private readonly refractory: Refractory;

  constructor(
    private readonly settings: Required<EwmaLikelihoodOptions>,
    state: EwmaLikelihoodState,
  ) {
    ({ seen: this.seen, mean: this.mean, variance: this.variance } = state);
    this.range = state.range === null ? null : [state.range[0], state.range[1]];
    this.likelihood = new AnomalyLikelihood({ averagingWindow: AVERAGING_WINDOW, learningPeriod: settings.learningPeriod, halfLife: settings.halfLife }, state.likelihood);
    this.refractory = new Refractory(settings.refractoryRows, state.quietRows);
  }

  update(_timestampMs: number, value: number): number {
    if (!Number.isFinite(value)) throw new RangeError(`${EWMA_LIKELIHOOD_DETECTOR} can only score finite values, got ${value}`);
    const raw = Math.min(1, this.zScore(value) / this.settings.zScale);
    const likelihoodTail = this.likelihood.update(raw);
    const tail = this.isNewExtreme(value) ? 0 : likelihoodTail;
    const score = logLikelihoodScore(this.refractory.filter(tail));
    this.learn(value);
    return score;
  }

  snapshot(): DetectorState {
    const data: EwmaLikelihoodState = { seen: this.seen, mean: this.mean, variance: this.variance, range: this.range, likelihood: this.likelihood.state(), quietRows: this.refractory.remaining };
    return { detector: EWMA_LIKELIHOOD_DETECTOR, version: STATE_VERSION, data };
  }

  private zScore(value: number): number {
    if (this.seen < WARM_UP) return 0;
    const spread = Math.max(Math.sqrt(this.variance), this.rangeWidth() / RANGE_BUCKETS) + ABSOLUTE_FLOOR;
    const z = Math.abs(value - this.mean) / spread;
    return Number.isFinite(z) ? z : Number.MAX_VALUE;
  }

  private isNewExtreme(value: number): boolean {
    if (this.seen < WARM_UP || this.range === null || !(this.rangeWidth() > 0)) return false;
    const tolerance = this.settings.extremeTolerance * this.rangeWidth();
    return value > this.range[1] + tolerance || value < this.range[0] - tolerance;
  }

  private rangeWidth(): number {
    return this.range === null ? 0 : this.range[1] - this.range[0];
  }

  /** Incremental exponentially weighted mean and variance (Finch 2009), as ewma-zscore. */
  private learn(value: number): void {
    if (this.seen === 0) {
      this.mean = value;
      this.variance = 0;
    } else {
      const difference = value - this.mean;
      const increment = this.settings.alpha * difference;
      this.mean += increment;
      this.variance = (1 - this.settings.alpha) * (this.variance + difference * increment);
    }
    this.seen++;
    this.range = this.range === null ? [value, value] : [Math.min(this.range[0], value), Math.max(this.range[1], value)];
  }
}

function readState(state: DetectorState, settings: Required<EwmaLikelihoodOptions>): EwmaLikelihoodState {
  if (state.detector !== EWMA_LIKELIHOOD_DETECTOR) {
    throw new DetectorStateError(`state was written by detector "${state.detector}", not "${EWMA_LIKELIHOOD_DETECTOR}"`);
  }
  if (state.version !== STATE_VERSION) {
    throw new DetectorStateError(`${EWMA_LIKELIHOOD_DETECTOR} state version ${state.version} is not supported (expected ${STATE_VERSION})`);
  }
  const data = state.data as Partial<Record<keyof EwmaLikelihoodState, unknown>> | null;
  const problems: string[] = [];
  if (!Number.isSafeInteger(data?.seen) || (data?.seen as number) < 0) problems.push('seen must be a non-negative integer');
  if (!Number.isFinite(data?.mean)) problems.push('mean must be finite');
  if (!Number.isFinite(data?.variance) || (data?.variance as number) < 0) problems.push('variance must be finite and >= 0');
  const range = data?.range;
  const validRange = range === null || (Array.isArray(range) && range.length === 2 && range.every(Number.isFinite) && (range[0] as number) <= (range[1] as number));
  if (!validRange) problems.push('range must be null or [low, high] with finite low <= high');
  if (!Number.isSafeInteger(data?.quietRows) || (data?.quietRows as number) < 0 || (data?.quietRows as number) > settings.refractoryRows) problems.push(`quietRows must be an integer in [0, ${settings.refractoryRows}]`);
  problems.push(...likelihoodStateProblems(data?.likelihood, { averagingWindow: AVERAGING_WINDOW, learningPeriod: settings.learningPeriod, halfLife: settings.halfLife }));
  if (problems.length > 0) throw new DetectorStateError(`${EWMA_LIKELIHOOD_DETECTOR} state is invalid: ${problems.join('; ')}`);
  return data as unknown as EwmaLikelihoodState;
}
