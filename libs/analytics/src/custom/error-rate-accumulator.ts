import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { SpaceSaving, type SpaceSavingSnapshot } from '../sketch';
import { type CustomAccumulator } from './custom-metric';
import { type FieldReader } from './field-reader';
import { measureKey, type MetricRuntime, type RecordPredicate, sameMetricAccumulator } from './metric-runtime';
import { restoreSketch } from './restore-sketch';
import { type ErrorRateSnapshot, errorRateSnapshotSchema, parseSnapshot, snapshotHeader } from './snapshot-schema';
import { type ErrorRateMeasure } from './series-measure-schema';

/** One key's calls and errors in one window. */
export interface KeyErrorCounts {
  readonly key: string;
  readonly calls: number;
  readonly errors: number;
}

/** What the errorRate series reads from a window (see error-rate-series.ts). */
export interface ErrorRateWindow {
  readonly calls: number;
  readonly errors: number;
  /** Every key counted, calls descending; errors are 0 for keys without any. */
  readonly keys: readonly KeyErrorCounts[];
  /** True when a sketch dropped keys: counts are then upper bounds. */
  readonly approximate: boolean;
}

/**
 * Per-window part of `measure: { errorRate }`: calls and errors per key in two Space-Saving sketches
 * of `capacity` keys (errors are counted on their own so that a key with a burst of errors is never
 * crowded out of the error counts by busier keys without errors), plus exact totals. Exact and
 * merge-equal to a single pass while a window has at most `capacity` keys. The cross-window part
 * (baselines, scores) is the engine's, in error-rate-series.ts.
 */
export class ErrorRateAccumulator implements CustomAccumulator {
  private calls = 0;
  private errors = 0;
  private callSketch: SpaceSaving;
  private errorSketch: SpaceSaving;

  constructor(
    readonly metric: MetricRuntime,
    private readonly measure: ErrorRateMeasure,
    private readonly readKey: FieldReader,
    private readonly isError: RecordPredicate,
  ) {
    this.callSketch = new SpaceSaving(measure.capacity);
    this.errorSketch = new SpaceSaving(measure.capacity);
  }

  static restore(metric: MetricRuntime, measure: ErrorRateMeasure, readKey: FieldReader, isError: RecordPredicate, state: unknown): ErrorRateAccumulator {
    const snapshot = parseSnapshot(metric.id, errorRateSnapshotSchema, state);
    const accumulator = new ErrorRateAccumulator(metric, measure, readKey, isError);
    accumulator.calls = snapshot.calls;
    accumulator.errors = snapshot.errors;
    accumulator.callSketch = restoreSketch(metric.id, snapshot.callSketch, measure.capacity);
    accumulator.errorSketch = restoreSketch(metric.id, snapshot.errorSketch, measure.capacity);
    return accumulator;
  }

  add(record: CloudTrailLikeRecord, facts: CallFacts): void {
    if (!this.metric.matches(record, facts)) return;
    const key = measureKey(this.readKey(record, facts));
    if (key === undefined) return;
    this.calls++;
    this.callSketch.offer(key);
    if (!this.isError(record, facts)) return;
    this.errors++;
    this.errorSketch.offer(key);
  }

  merge(other: CustomAccumulator): void {
    const that = sameMetricAccumulator(this.metric, other, ErrorRateAccumulator);
    this.calls += that.calls;
    this.errors += that.errors;
    this.callSketch.merge(that.callSketch);
    this.errorSketch.merge(that.errorSketch);
  }

  snapshot(): Omit<ErrorRateSnapshot, 'callSketch' | 'errorSketch'> & { readonly callSketch: SpaceSavingSnapshot; readonly errorSketch: SpaceSavingSnapshot } {
    return {
      ...snapshotHeader(this.metric.id),
      measure: 'errorRate',
      calls: this.calls,
      errors: this.errors,
      callSketch: this.callSketch.snapshot(),
      errorSketch: this.errorSketch.snapshot(),
    };
  }

  /** The window on its own (the engine shows the series' view instead): totals and the keys with most errors. */
  result(): { calls: number; errors: number; topErrors: ReturnType<SpaceSaving['top']> } {
    return { calls: this.calls, errors: this.errors, topErrors: this.errorSketch.top(this.measure.k) };
  }

  /**
   * Every key with its calls and errors. A key whose calls the call sketch dropped (only possible
   * beyond `capacity` keys) is given the most calls it can have had, the sketch's smallest count:
   * overstating calls understates its rate, so an approximate window cannot raise a false spike.
   */
  window(): ErrorRateWindow {
    const calls = this.callSketch.top(this.callSketch.size);
    const errors = new Map(this.errorSketch.top(this.errorSketch.size).map((entry) => [entry.key, entry.count]));
    const unseenCalls = this.callSketch.exact ? 0 : (calls[calls.length - 1]?.count ?? 0);
    const keys: KeyErrorCounts[] = calls.map((entry) => ({ key: entry.key, calls: Math.max(entry.count, errors.get(entry.key) ?? 0), errors: errors.get(entry.key) ?? 0 }));
    const counted = new Set(calls.map((entry) => entry.key));
    for (const [key, count] of errors) if (!counted.has(key)) keys.push({ key, calls: Math.max(count, unseenCalls), errors: count });
    return { calls: this.calls, errors: this.errors, keys, approximate: !this.callSketch.exact || !this.errorSketch.exact };
  }
}
