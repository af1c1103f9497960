import { type AnomalyDetector, type DetectorFactory, type DetectorState, DetectorStateError } from '../detector';
import { SlidingWindow } from '../robust/sliding-window';
import { logLikelihoodScore, Refractory } from './alarm-score';
import { AnomalyLikelihood, type AnomalyLikelihoodState, INITIAL_LIKELIHOOD_STATE, likelihoodStateProblems } from './anomaly-likelihood';

/** The name the detector's snapshots are tagged with. */
export const ROBUST_LIKELIHOOD_DETECTOR = 'robust-likelihood';
const STATE_VERSION = 1;

export interface RobustLikelihoodOptions {
  /** Past values kept for the median, the MAD and the novelty test. Default 1440 (five days of 5-minute points). */
  readonly window?: number;
  /** Floor of the spread as a fraction of |median|, for flat or quantized series. Default 0.1. */
  readonly relativeFloor?: number;
  /** The robust z-score that makes a raw score of 1 (raw = min(1, z / zScale)). Default 5. */
  readonly zScale?: number;
  /** Points before the likelihood reports anything. Default 150. */
  readonly learningPeriod?: number;
  /** Half-life, in points, of the learned distribution of averaged raw scores. Default 250. */
  readonly halfLife?: number;
  /** Novelty tolerance as a fraction of the range seen so far. Default 0.05. */
  readonly noveltyTolerance?: number;
  /** Rows after a red alarm in which further red alarms are lowered to yellow. Default 200. */
  readonly refractoryRows?: number;
}

/**
 * Half-life, refractory period, learning period and zScale are the choice of 16 of the 17 folds of
 * the leave-one-out evaluation on NAB's AWS files, in every profile (docs/anomaly.md); the window,
 * relative floor and novelty tolerance were fixed by reasoning (robust-zscore's window and floor,
 * Numenta's 5% spatial tolerance).
 */
export const ROBUST_LIKELIHOOD_DEFAULTS: Required<RobustLikelihoodOptions> = {
  window: 1440,
  relativeFloor: 0.1,
  zScale: 5,
  learningPeriod: 150,
  halfLife: 250,
  noveltyTolerance: 0.05,
  refractoryRows: 200,
};

/** Raw scores averaged by the likelihood: the paper's W' = 10. */
const AVERAGING_WINDOW = 10;
/** Values before the robust z-score is computed: a median and MAD of fewer values say little. */
const Z_WARM_UP = 30;
/** Values before the novelty test: with fewer, most values are "new". */
const NOVELTY_WARM_UP = 100;
/** 1.4826 · MAD estimates the standard deviation of normal data (Rousseeuw and Croux 1993). */
const MAD_TO_STANDARD_DEVIATION = 1.4826;
/**
 * The spread is at least the range seen so far over 130. Numenta's NAB detector sets its scalar
 * encoder's resolution to range / numBuckets (nupic cluster_params `_fixupRandomEncoderParams`);
 * 130 is the numBuckets of nupic's anomaly parameter set as we recall it (not checked against a
 * stored copy). It stops a series that sits at 0 (MAD 0) from making every small value an
 * infinite z-score.
 */
const RANGE_BUCKETS = 130;
/** Keeps the spread positive when every value so far is equal. */
const ABSOLUTE_FLOOR = 1e-9;

interface RobustLikelihoodState {
  /** The last `window` values, oldest first. */
  readonly window: readonly number[];
  /** Smallest and largest value seen, or null before the first value. */
  readonly range: readonly [number, number] | null;
  readonly likelihood: AnomalyLikelihoodState;
  readonly quietRows: number;
}

/**
 * robust-likelihood: Numenta's anomaly likelihood over a robust z-score, plus a value-novelty rule
 * and a refractory period. Per point:
 * 1. raw = min(1, z / zScale), z the robust z-score of the value against the median and MAD of the
 *    window before it (robust-zscore's measure, its spread also floored at range / 130);
 * 2. the anomaly likelihood (./anomaly-likelihood) turns the last 10 raw scores into a tail probability;
 * 3. novelty: a value with no value of the window within ±noveltyTolerance × range (a new extreme,
 *    or a level never visited in the window) is a red alarm whatever its z-score. This generalizes
 *    the "spatial anomaly" rule of Numenta's NAB detector (new minimum or maximum beyond 5% of the
 *    range) from the two ends of the range to its inside;
 * 4. the refractory period lowers repeated red alarms to yellow;
 * 5. the score is Numenta's log-likelihood of the tail probability, in [0, 1] (0.5 ≈ red).
 * No look-ahead; the state is the window plus a few numbers.
 */
export function robustLikelihood(options: RobustLikelihoodOptions = {}): DetectorFactory {
  const settings = { ...ROBUST_LIKELIHOOD_DEFAULTS, ...options };
  checkSettings(settings);
  return {
    name: ROBUST_LIKELIHOOD_DETECTOR,
    create: () => new RobustLikelihoodDetector(settings, { window: [], range: null, likelihood: INITIAL_LIKELIHOOD_STATE, quietRows: 0 }),
    restore: (state) => new RobustLikelihoodDetector(settings, readState(state, settings)),
  };
}

class RobustLikelihoodDetector implements AnomalyDetector {
  private readonly window: SlidingWindow;
  private range: [number, number] | null;
  private readonly likelihood: AnomalyLikelihood;
  private readonly refractory: Refractory;

  constructor(
    private readonly settings: Required<RobustLikelihoodOptions>,
    state: RobustLikelihoodState,
  ) {
    this.window = new SlidingWindow(settings.window, [...state.window]);
    this.range = state.range === null ? null : [state.range[0], state.range[1]];
    this.likelihood = new AnomalyLikelihood({ averagingWindow: AVERAGING_WINDOW, learningPeriod: settings.learningPeriod, halfLife: settings.halfLife }, state.likelihood);
    this.refractory = new Refractory(settings.refractoryRows, state.quietRows);
  }

  update(_timestampMs: number, value: number): number {
    if (!Number.isFinite(value)) throw new RangeError(`${ROBUST_LIKELIHOOD_DETECTOR} can only score finite values, got ${value}`);
    const raw = Math.min(1, this.zScore(value) / this.settings.zScale);
    const likelihoodTail = this.likelihood.update(raw);
    const tail = this.isNovel(value) ? 0 : likelihoodTail;
    const score = logLikelihoodScore(this.refractory.filter(tail));
    this.window.push(value);
    this.range = this.range === null ? [value, value] : [Math.min(this.range[0], value), Math.max(this.range[1], value)];
    return score;
  }

  snapshot(): DetectorState {
    const data: RobustLikelihoodState = { window: [...this.window.values], range: this.range, likelihood: this.likelihood.state(), quietRows: this.refractory.remaining };
    return { detector: ROBUST_LIKELIHOOD_DETECTOR, version: STATE_VERSION, data };
  }

  private zScore(value: number): number {
    if (this.window.length < Math.min(Z_WARM_UP, this.settings.window)) return 0;
    const median = this.window.median();
    const spread = Math.max(MAD_TO_STANDARD_DEVIATION * this.window.medianAbsoluteDeviation() + this.settings.relativeFloor * Math.abs(median), this.rangeWidth() / RANGE_BUCKETS) + ABSOLUTE_FLOOR;
    const z = Math.abs(value - median) / spread;
    // Only values near Number.MAX_VALUE overflow; min(1, ∞ / zScale) would still be 1.
    return Number.isFinite(z) ? z : Number.MAX_VALUE;
  }

  private isNovel(value: number): boolean {
    const width = this.rangeWidth();
    if (this.window.length < Math.min(NOVELTY_WARM_UP, this.settings.window) || !(width > 0)) return false;
    const tolerance = this.settings.noveltyTolerance * width;
    return this.window.countBetween(value - tolerance, value + tolerance) === 0;
  }

  private rangeWidth(): number {
    return this.range === null ? 0 : this.range[1] - this.range[0];
  }
}

function checkSettings(settings: Required<RobustLikelihoodOptions>): void {
  const positiveInteger = (name: keyof RobustLikelihoodOptions) => {
    const value = settings[name];
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${ROBUST_LIKELIHOOD_DETECTOR} ${name} must be a positive integer, got ${value}`);
  };
  const nonNegative = (name: keyof RobustLikelihoodOptions) => {
    const value = settings[name];
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${ROBUST_LIKELIHOOD_DETECTOR} ${name} must be finite and >= 0, got ${value}`);
  };
  positiveInteger('window');
  positiveInteger('learningPeriod');
  nonNegative('relativeFloor');
  nonNegative('noveltyTolerance');
  if (!Number.isSafeInteger(settings.refractoryRows) || settings.refractoryRows < 0) throw new RangeError(`${ROBUST_LIKELIHOOD_DETECTOR} refractoryRows must be a non-negative integer, got ${settings.refractoryRows}`);
  if (!(Number.isFinite(settings.zScale) && settings.zScale > 0)) throw new RangeError(`${ROBUST_LIKELIHOOD_DETECTOR} zScale must be finite and > 0, got ${settings.zScale}`);
  if (!(Number.isFinite(settings.halfLife) && settings.halfLife > 0)) throw new RangeError(`${ROBUST_LIKELIHOOD_DETECTOR} halfLife must be finite and > 0, got ${settings.halfLife}`);
}

function readState(state: DetectorState, settings: Required<RobustLikelihoodOptions>): RobustLikelihoodState {
  if (state.detector !== ROBUST_LIKELIHOOD_DETECTOR) {
    throw new DetectorStateError(`state was written by detector "${state.detector}", not "${ROBUST_LIKELIHOOD_DETECTOR}"`);
  }
  if (state.version !== STATE_VERSION) {
    throw new DetectorStateError(`${ROBUST_LIKELIHOOD_DETECTOR} state version ${state.version} is not supported (expected ${STATE_VERSION})`);
  }
  const data = state.data as Partial<Record<keyof RobustLikelihoodState, unknown>> | null;
  const problems: string[] = [];
  const window = data?.window;
  if (!Array.isArray(window) || window.length > settings.window || !window.every(Number.isFinite)) problems.push(`window must hold at most ${settings.window} finite values`);
  const range = data?.range;
  const validRange = range === null || (Array.isArray(range) && range.length === 2 && range.every(Number.isFinite) && (range[0] as number) <= (range[1] as number));
  if (!validRange) problems.push('range must be null or [low, high] with finite low <= high');
  if (!Number.isSafeInteger(data?.quietRows) || (data?.quietRows as number) < 0 || (data?.quietRows as number) > settings.refractoryRows) problems.push(`quietRows must be an integer in [0, ${settings.refractoryRows}]`);
  problems.push(...likelihoodStateProblems(data?.likelihood, { averagingWindow: AVERAGING_WINDOW, learningPeriod: settings.learningPeriod, halfLife: settings.halfLife }));
  if (problems.length > 0) throw new DetectorStateError(`${ROBUST_LIKELIHOOD_DETECTOR} state is invalid: ${problems.join('; ')}`);
  return data as unknown as RobustLikelihoodState;
}
