import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';

/**
 * A custom metric compiled from its declarative definition (see ./README.md): the engine keeps
 * one accumulator per window and never looks inside it.
 */
export interface CompiledCustomMetric {
  readonly id: string;
  /** The window length the definition asks for, in seconds; undefined = the engine's window. */
  readonly windowSeconds: number | undefined;
  /** An empty per-window accumulator. */
  createAccumulator(): CustomAccumulator;
  /** An accumulator from a `snapshot()` of this metric's accumulator (checkpoints, partial merges). */
  restoreAccumulator(state: unknown): CustomAccumulator;
  /**
   * True when the definition asks for an anomaly score: the engine feeds the window's scalar (see
   * `scalar`) to a detector and adds `anomalyScore` to the value (see ./anomaly-value.ts).
   */
  readonly anomaly?: boolean;
  /** The number an anomaly detector follows for a per-window value (a count, a distinct count, a top list's sum). */
  scalar?(value: unknown): number;
  /** Cross-window state, for measures whose value depends on earlier windows (errorRate, firstSeen). */
  createSeries?(): CustomSeries;
  /** A series from a `snapshot()` of this metric's series (engine checkpoints). */
  restoreSeries?(state: unknown): CustomSeries;
}

/** What a series makes of one window. */
export interface SeriesEmission {
  /** The metric's value for the window (JSON). */
  readonly value: unknown;
  /** JSON the engine keeps with the window and hands back at its next emission (a revision). */
  readonly memo: unknown;
  /** The number an anomaly detector follows; undefined when the window is no point of the series (warm-up). */
  readonly scalar: number | undefined;
}

/**
 * The cross-window part of a metric, run by the engine (in the thread that merges the windows) when
 * a window is emitted, in event-time order. A window emitted again (revised by late records) gets
 * its previous memo back; a window older than one already learned (it closed late) must not teach
 * order-dependent state, the rule of the engine's anomaly scorer. Bounded and serializable.
 */
export interface CustomSeries {
  emit(accumulator: CustomAccumulator, startMs: number, previousMemo: unknown): SeriesEmission;
  /** @throws CustomMetricStateError when `memo` is not one this series writes (a corrupt checkpoint). */
  checkMemo(memo: unknown): void;
  /** JSON-serializable state, for `restoreSeries`. Equal states give equal snapshots. */
  snapshot(): unknown;
}

/**
 * Per-window state of one custom metric: bounded in memory, mergeable (merge order and split
 * points don't change the result), serializable.
 */
export interface CustomAccumulator {
  /** Offers one accepted record; the accumulator applies the metric's filter itself. */
  add(record: CloudTrailLikeRecord, facts: CallFacts): void;
  /** Folds another accumulator of the same metric into this one. */
  merge(other: CustomAccumulator): void;
  /** JSON-serializable state, for `restoreAccumulator`. */
  snapshot(): unknown;
  /** The metric's value for the window (JSON), e.g. a count, `{distinct, approximate}` or a top-K list. */
  result(): unknown;
}
