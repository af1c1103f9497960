import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { type CustomAccumulator } from './custom-metric';
import { type MetricRuntime, sameMetricAccumulator } from './metric-runtime';
import { type CountSnapshot, countSnapshotSchema, parseSnapshot, snapshotHeader } from './snapshot-schema';

/** `measure: count`: how many records matched. Exact, and merging is a sum. */
export class CountAccumulator implements CustomAccumulator {
  private count = 0;

  constructor(readonly metric: MetricRuntime) {}

  static restore(metric: MetricRuntime, state: unknown): CountAccumulator {
    const accumulator = new CountAccumulator(metric);
    accumulator.count = parseSnapshot(metric.id, countSnapshotSchema, state).count;
    return accumulator;
  }

  add(record: CloudTrailLikeRecord, facts: CallFacts): void {
    if (this.metric.matches(record, facts)) this.count += 1;
  }

  merge(other: CustomAccumulator): void {
    this.count += sameMetricAccumulator(this.metric, other, CountAccumulator).count;
  }

  snapshot(): CountSnapshot {
    return { ...snapshotHeader(this.metric.id), measure: 'count', count: this.count };
  }

  result(): number {
    return this.count;
  }
}
