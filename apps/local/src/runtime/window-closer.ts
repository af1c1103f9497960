import { type CompiledCustomMetricDefinition, type WindowResult } from '@trailpulse/analytics';
import { type AnomalyDetector, DEFAULT_DETECTOR, type DetectorFactory, findDetector } from '@trailpulse/anomaly';
import { type LiveEventMessage, type LiveWindowMessage } from '@trailpulse/api-contract';
import { type MetricsStore } from '@trailpulse/metrics-store';
import { queryAllWindows } from './query-all-windows';

/**
 * A window first closes when the latest eventTime merged is this far past its end: CloudTrail
 * delivers out of order by seconds, and records later than this revise the closed window.
 */
export const DEFAULT_CLOSE_LATENESS_MS = 2_000;
/**
 * The anomaly score at or above which a closed window is announced as an anomaly: the threshold
 * NAB's standard profile chose for the default detector (robust-likelihood: 0.4942 in-sample and in 16 of 17 leave-one-out folds, docs/anomaly.md).
 */
export const DEFAULT_ANOMALY_THRESHOLD = 0.49;
/** Windows of history a restarted runtime feeds its detector before scoring new windows. */
export const DETECTOR_WARM_UP_WINDOWS = 1440;

export interface WindowCloserOptions {
  readonly store: MetricsStore;
  /** The window lengths announced live and scored (each one a series of its own). */
  readonly windowSeconds: readonly number[];
  readonly customMetrics: () => readonly CompiledCustomMetricDefinition[];
  readonly publish: (message: LiveEventMessage) => void;
  readonly detector?: DetectorFactory;
  readonly latenessMs?: number;
  readonly anomalyThreshold?: number;
}

interface SeriesState {
  readonly windowMs: number;
  /** The latest eventTime merged into this length's rows. */
  watermarkMs: number;
  detector: AnomalyDetector;
  /** Start of the latest window closed and scored; windows up to it are revisions. */
  closedThroughMs: number;
  /** Closed windows that received records after closing, re-announced at the next tick. */
  readonly revised: Set<number>;
  /**
   * Starts of the windows scored (or loaded as history) within the detector's warm-up span: a
   * revised window not among them was empty when its range closed, so it was never scored.
   */
  readonly scored: Set<number>;
}

/**
 * Closes windows in event time: reads each newly closed window of every length from the store,
 * scores its totalCalls with the series' detector (in start order, each window once), stores the
 * score, and publishes the window (and an anomaly when the score reaches the threshold). Windows
 * revised by late records are published again with their first score; a window first seen as a
 * revision (empty when its range closed) is scored then, once, by a copy of the series' detector. The closed-through mark is
 * a checkpoint in the store, so a restart neither re-announces nor skips windows, and the detector
 * is warmed up from the stored history.
 */
export class WindowCloser {
  private readonly series = new Map<number, SeriesState>();
  private readonly detector: DetectorFactory;
  private readonly latenessMs: number;
  private readonly threshold: number;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: WindowCloserOptions) {
    this.detector = options.detector ?? findDetector(DEFAULT_DETECTOR).factory();
    this.latenessMs = options.latenessMs ?? DEFAULT_CLOSE_LATENESS_MS;
    this.threshold = options.anomalyThreshold ?? DEFAULT_ANOMALY_THRESHOLD;
  }

  /** Loads each series' closed-through mark and replays the stored history into its detector. */
  async start(): Promise<void> {
    for (const seconds of this.options.windowSeconds) {
      const windowMs = seconds * 1000;
      const state: SeriesState = { windowMs, watermarkMs: -Infinity, detector: this.detector.create(), closedThroughMs: -Infinity, revised: new Set(), scored: new Set() };
      const checkpoint = await this.options.store.readCheckpoint(closerCheckpointId(seconds));
      if (checkpoint !== undefined) {
        state.closedThroughMs = Number(checkpoint.position);
        const history = await this.options.store.queryWindows({
          windowSeconds: seconds,
          fromMs: Math.max(0, state.closedThroughMs - DETECTOR_WARM_UP_WINDOWS * windowMs),
          toMs: state.closedThroughMs + windowMs,
          limit: DETECTOR_WARM_UP_WINDOWS + 1,
        });
        for (const window of history.windows) {
          state.detector.update(Date.parse(window.start), window.metrics.totalCalls);
          state.scored.add(Date.parse(window.start));
        }
      }
      this.series.set(seconds, state);
    }
  }

  /**
   * The latest eventTime merged so far into the rows of `windowSeconds` (default every length), and
   * the base windows the merge touched (for revisions).
   */
  observe(maxEventTimeMs: number | undefined, touchedStartsMs: readonly number[], windowSeconds?: readonly number[]): void {
    for (const [seconds, state] of this.series) {
      if (windowSeconds !== undefined && !windowSeconds.includes(seconds)) continue;
      if (maxEventTimeMs !== undefined && maxEventTimeMs > state.watermarkMs) state.watermarkMs = maxEventTimeMs;
      for (const startMs of touchedStartsMs) {
        const seriesStart = Math.floor(startMs / state.windowMs) * state.windowMs;
        if (seriesStart <= state.closedThroughMs) state.revised.add(seriesStart);
      }
    }
  }

  /**
   * Closes what the watermark allows. `flushAll` closes every window up to the watermark, the
   * current one included (the sources are idle or stopping). Ticks never overlap.
   */
  tick(flushAll = false): Promise<void> {
    this.running = this.running.then(() => this.closeDue(flushAll));
    return this.running;
  }

  private async closeDue(flushAll: boolean): Promise<void> {
    for (const [seconds, state] of this.series) {
      if (!Number.isFinite(state.watermarkMs)) continue;
      await this.republishRevised(seconds, state);
      // Normally the windows whose end is at or before watermark - lateness (starts up to that minus
      // windowMs); a flush also closes the window holding the watermark, which has not ended yet.
      const lastClosableStart = flushAll
        ? Math.floor(state.watermarkMs / state.windowMs) * state.windowMs
        : lastClosableStartMs(state.watermarkMs, state.windowMs, this.latenessMs);
      if (lastClosableStart <= state.closedThroughMs) continue;
      const fromMs = Number.isFinite(state.closedThroughMs) ? state.closedThroughMs + state.windowMs : 0;
      const windows = await this.readWindows(seconds, fromMs, lastClosableStart + state.windowMs);
      for (const window of windows) {
        const startMs = Date.parse(window.start);
        await this.publishScored(seconds, window, state.detector.update(startMs, window.metrics.totalCalls));
        state.scored.add(startMs);
      }
      state.closedThroughMs = lastClosableStart;
      await this.options.store.advanceCheckpoint(closerCheckpointId(seconds), lastClosableStart);
      const horizonMs = lastClosableStart - DETECTOR_WARM_UP_WINDOWS * state.windowMs;
      for (const startMs of state.scored) if (startMs < horizonMs) state.scored.delete(startMs);
    }
  }

  /** Stores the window's score and publishes it, and an anomaly when the score reaches the threshold. */
  private async publishScored(seconds: number, window: WindowResult, score: number): Promise<void> {
    await this.options.store.setAnomalyScore({ windowSeconds: seconds, startMs: Date.parse(window.start), score });
    const scored: WindowResult = { ...window, metrics: { ...window.metrics, anomalyScore: score } };
    this.options.publish({ type: 'window', windowSeconds: seconds, window: scored as LiveWindowMessage['window'] });
    if (score >= this.threshold) {
      this.options.publish({
        type: 'anomaly',
        windowSeconds: seconds,
        start: window.start,
        end: window.end,
        metric: 'totalCalls',
        value: window.metrics.totalCalls,
        score,
        threshold: this.threshold,
      });
    }
  }

  private async republishRevised(seconds: number, state: SeriesState): Promise<void> {
    if (state.revised.size === 0) return;
    const starts = [...state.revised].sort((a, b) => a - b);
    state.revised.clear();
    const first = starts[0] as number;
    const last = starts[starts.length - 1] as number;
    const wanted = new Set(starts);
    const horizonMs = state.closedThroughMs - DETECTOR_WARM_UP_WINDOWS * state.windowMs;
    for (const window of await this.readWindows(seconds, first, last + state.windowMs)) {
      const startMs = Date.parse(window.start);
      if (!wanted.has(startMs)) continue;
      if (state.scored.has(startMs) || startMs < horizonMs) {
        this.options.publish({ type: 'window', windowSeconds: seconds, window: window as LiveWindowMessage['window'] });
        continue;
      }
      // First seen as a revision (its records came after the watermark passed it, e.g. a file
      // listing records newest first): scored once by a copy of the series' detector, so the series
      // itself never learns a point out of order.
      const score = this.detector.restore(state.detector.snapshot()).update(startMs, window.metrics.totalCalls);
      await this.publishScored(seconds, window, score);
      state.scored.add(startMs);
    }
  }

  private readWindows(seconds: number, fromMs: number, toMs: number): Promise<WindowResult[]> {
    return queryAllWindows(this.options.store, { windowSeconds: seconds, fromMs, toMs, customMetrics: this.options.customMetrics(), consistentRead: true });
  }
}

/**
 * Start of the last window the latest eventTime merged lets close: the last whose end is at least
 * `latenessMs` behind it (the write-behind hurries a group that moves this, closingFlush).
 */
export function lastClosableStartMs(watermarkMs: number, windowMs: number, latenessMs: number): number {
  return Math.floor((watermarkMs - latenessMs - windowMs) / windowMs) * windowMs;
}

/** The store checkpoint holding the start of the last window closed at this length. */
export function closerCheckpointId(windowSeconds: number): string {
  return `closer:${windowSeconds}`;
}
