import { type AnomalyDetector, type DetectorFactory, type DetectorState, DetectorStateError } from '../detector';
import { SlidingWindow } from './sliding-window';

/** The name the detector's snapshots are tagged with. */
export const ROBUST_ZSCORE_DETECTOR = 'robust-zscore';
const STATE_VERSION = 1;

/** How a point's robust z-score becomes its anomaly score. */
export type SurpriseMode =
  /** The robust z-score itself. */
  | 'absolute'
  /**
   * The z-score over the largest z-score seen before (at least 1): above 1 only for the most unusual
   * point so far. NAB sets one threshold for all series, and the record makes scores comparable
   * across series of different noise; it also stops the same kind of excursion from firing again.
   */
  | 'record';

export interface RobustZScoreOptions {
  /** Past values the median and MAD are taken over. Default 1440 (five days of 5-minute points). */
  readonly window?: number;
  /** Floor of the spread as a fraction of |median|, for flat or quantized series. Default 0.1. */
  readonly relativeFloor?: number;
  /** Default 'record'. */
  readonly surprise?: SurpriseMode;
}

export const ROBUST_ZSCORE_DEFAULTS: Required<RobustZScoreOptions> = { window: 1440, relativeFloor: 0.1, surprise: 'record' };

/** Points learned before the detector scores: a median and MAD of fewer points say little. */
const WARM_UP = 30;
/** 1.4826 · MAD estimates the standard deviation of normal data (Rousseeuw and Croux 1993). */
const MAD_TO_STANDARD_DEVIATION = 1.4826;
/** Keeps the spread positive when the window is all zeros. */
const ABSOLUTE_FLOOR = 1e-9;

interface RobustState {
  readonly window: readonly number[];
  readonly record: number;
}

/**
 * A robust z-score: how far a point lies from the median of the `window` values before it, in
 * MAD-estimated standard deviations. Median and MAD ignore the spikes and short bursts inside the
 * window that inflate a mean and a standard deviation (the weakness of the EWMA z-score), and the
 * relative floor keeps a quantized CPU series that barely moved from making every small step an
 * anomaly. It looks only at the past, and its state is the window (a few KB).
 */
export function robustZScore(options: RobustZScoreOptions = {}): DetectorFactory {
  const settings = { ...ROBUST_ZSCORE_DEFAULTS, ...options };
  if (!Number.isSafeInteger(settings.window) || settings.window < 1) throw new RangeError(`robust-zscore window must be a positive integer, got ${settings.window}`);
  if (!(settings.relativeFloor >= 0 && Number.isFinite(settings.relativeFloor))) throw new RangeError(`robust-zscore relativeFloor must be finite and >= 0, got ${settings.relativeFloor}`);
  return {
    name: ROBUST_ZSCORE_DETECTOR,
    create: () => new RobustZScoreDetector(settings, { window: [], record: 0 }),
    restore: (state) => new RobustZScoreDetector(settings, readRobustState(state, settings.window)),
  };
}

class RobustZScoreDetector implements AnomalyDetector {
  private readonly window: SlidingWindow;
  private record: number;

  constructor(
    private readonly settings: Required<RobustZScoreOptions>,
    state: RobustState,
  ) {
    this.window = new SlidingWindow(settings.window, [...state.window]);
    this.record = state.record;
  }

  update(_timestampMs: number, value: number): number {
    if (!Number.isFinite(value)) throw new RangeError(`robust-zscore can only score finite values, got ${value}`);
    const scored = this.window.length >= Math.min(WARM_UP, this.settings.window);
    const z = scored ? this.zScore(value) : 0;
    const score = this.settings.surprise === 'record' ? z / Math.max(this.record, 1) : z;
    if (scored) this.record = Math.max(this.record, z);
    this.window.push(value);
    return score;
  }

  snapshot(): DetectorState {
    const data: RobustState = { window: [...this.window.values], record: this.record };
    return { detector: ROBUST_ZSCORE_DETECTOR, version: STATE_VERSION, data };
  }

  private zScore(value: number): number {
    const median = this.window.median();
    const spread = MAD_TO_STANDARD_DEVIATION * this.window.medianAbsoluteDeviation() + this.settings.relativeFloor * Math.abs(median) + ABSOLUTE_FLOOR;
    const z = Math.abs(value - median) / spread;
    // Only values near Number.MAX_VALUE can overflow; the contract wants a finite score.
    return Number.isFinite(z) ? z : Number.MAX_VALUE;
  }
}

function readRobustState(state: DetectorState, capacity: number): RobustState {
  if (state.detector !== ROBUST_ZSCORE_DETECTOR) {
    throw new DetectorStateError(`state was written by detector "${state.detector}", not "${ROBUST_ZSCORE_DETECTOR}"`);
  }
  if (state.version !== STATE_VERSION) {
    throw new DetectorStateError(`${ROBUST_ZSCORE_DETECTOR} state version ${state.version} is not supported (expected ${STATE_VERSION})`);
  }
  const data = state.data as Partial<Record<keyof RobustState, unknown>> | null;
  const window = data?.window;
  const record = data?.record;
  if (!Array.isArray(window) || window.length > capacity || !window.every(Number.isFinite) || !Number.isFinite(record) || (record as number) < 0) {
    throw new DetectorStateError(`${ROBUST_ZSCORE_DETECTOR} state needs at most ${capacity} finite window values and a finite record >= 0`);
  }
  return { window: window as number[], record: record as number };
}
