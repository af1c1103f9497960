import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { type TopEntry } from '../output/metrics-output';
import { SpaceSaving, type SpaceSavingSnapshot } from '../sketch';
import { type CustomAccumulator } from './custom-metric';
import { type FieldReader } from './field-reader';
import { type TopKMeasure } from './measure-schema';
import { measureKey, type MetricRuntime, sameMetricAccumulator } from './metric-runtime';
import { restoreSketch } from './restore-sketch';
import { parseSnapshot, snapshotHeader, type TopKSnapshot, topKSnapshotSchema } from './snapshot-schema';

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
    const accumulator = new TopKAccumulator(metric, measure, readValue);
    accumulator.sketch = restoreSketch(metric.id, sketch, measure.capacity);
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
