import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { type TopEntry } from '../output/metrics-output';
import { SketchStateError, SpaceSaving, type SpaceSavingSnapshot } from '../sketch';
import { type CustomAccumulator } from './custom-metric';
import { type FieldReader } from './field-reader';
import { type TopKMeasure } from './measure-schema';
import { measureKey, type MetricRuntime, sameMetricAccumulator } from './metric-runtime';
import { parseSnapshot, snapshotHeader, type TopKSnapshot, topKSnapshotSchema } from './snapshot-schema';
import { CustomMetricStateError } from './state-error';

/**
 * `measure: { topK: { by, k, capacity } }`: the k most frequent values among the matching records,
 * as the spec's top-K list (absent values are not counted). Counted by the engine's Space-Saving
 * sketch, so custom and built-in top-K lists share one algorithm, one order and one error meaning:
 * exact up to `capacity` distinct keys per window, `error` on every entry beyond.
 */
export class TopKAccumulator implements CustomAccumulator {
  private sketch: SpaceSaving;

  constructor(
    readonly metric: MetricRuntime,
    private readonly measure: TopKMeasure,
    private readonly readValue: FieldReader,
  ) {
    this.sketch = new SpaceSaving(measure.capacity);
  }

  static restore(metric: MetricRuntime, measure: TopKMeasure, readValue: FieldReader, state: unknown): TopKAccumulator {
    const { sketch } = parseSnapshot(metric.id, topKSnapshotSchema, state);
    if (sketch.capacity !== measure.capacity) {
      throw new CustomMetricStateError(metric.id, `the snapshot has capacity ${sketch.capacity}, the metric ${measure.capacity}`);
    }
    const accumulator = new TopKAccumulator(metric, measure, readValue);
    const { errors, ...rest } = sketch;
    try {
      accumulator.sketch = SpaceSaving.restore(errors === undefined ? rest : { ...rest, errors });
    } catch (error) {
      if (!(error instanceof SketchStateError)) throw error;
      throw new CustomMetricStateError(metric.id, `invalid top-K snapshot: ${error.message}`, { cause: error });
    }
    return accumulator;
  }

  add(record: CloudTrailLikeRecord, facts: CallFacts): void {
    if (!this.metric.matches(record, facts)) return;
    const key = measureKey(this.readValue(record, facts));
    if (key !== undefined) this.sketch.offer(key);
  }

  merge(other: CustomAccumulator): void {
    this.sketch.merge(sameMetricAccumulator(this.metric, other, TopKAccumulator).sketch);
  }

  snapshot(): Omit<TopKSnapshot, 'sketch'> & { readonly sketch: SpaceSavingSnapshot } {
    return { ...snapshotHeader(this.metric.id), measure: 'topK', sketch: this.sketch.snapshot() };
  }

  result(): TopEntry[] {
    return this.sketch.top(this.measure.k);
  }
}
