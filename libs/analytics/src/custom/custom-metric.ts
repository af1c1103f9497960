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
