import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { type CustomAccumulator } from './custom-metric';
import { type DistinctCount, DistinctCounter } from './distinct-counter';
import { type FieldReader } from './field-reader';
import { HyperLogLog } from './hyperloglog';
import { measureKey, type MetricRuntime, sameMetricAccumulator } from './metric-runtime';
import { type DistinctCountSnapshot, distinctCountSnapshotSchema, parseSnapshot, snapshotHeader } from './snapshot-schema';
import { CustomMetricStateError } from './state-error';

/**
 * `measure: { distinctCount: <path> }`: how many different values the matching records have
 * (absent values are not counted). Exact up to 512 keys / 16 Ki characters, HyperLogLog beyond.
 */
export class DistinctCountAccumulator implements CustomAccumulator {
  private counter = new DistinctCounter();

  constructor(
    readonly metric: MetricRuntime,
    private readonly readValue: FieldReader,
  ) {}

  static restore(metric: MetricRuntime, readValue: FieldReader, state: unknown): DistinctCountAccumulator {
    const snapshot = parseSnapshot(metric.id, distinctCountSnapshotSchema, state);
    const accumulator = new DistinctCountAccumulator(metric, readValue);
    if ('keys' in snapshot) {
      accumulator.counter = DistinctCounter.fromKeys(snapshot.keys);
      return accumulator;
    }
    const sketch = HyperLogLog.decode(snapshot.registers);
    if (sketch === undefined) throw new CustomMetricStateError(metric.id, 'the snapshot\'s HyperLogLog registers are corrupt');
    accumulator.counter = DistinctCounter.fromSketch(sketch);
    return accumulator;
  }

  add(record: CloudTrailLikeRecord, facts: CallFacts): void {
    if (!this.metric.matches(record, facts)) return;
    const key = measureKey(this.readValue(record, facts));
    if (key !== undefined) this.counter.add(key);
  }

  merge(other: CustomAccumulator): void {
    this.counter.merge(sameMetricAccumulator(this.metric, other, DistinctCountAccumulator).counter);
  }

  snapshot(): DistinctCountSnapshot {
    return { ...snapshotHeader(this.metric.id), measure: 'distinctCount', ...this.counter.serialize() };
  }

  result(): DistinctCount {
    return this.counter.count();
  }
}
