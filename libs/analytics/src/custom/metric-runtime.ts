import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { type CustomAccumulator } from './custom-metric';
import { MAX_KEY_LENGTH } from './limits';
import { CustomMetricStateError } from './state-error';

export type RecordPredicate = (record: CloudTrailLikeRecord, facts: CallFacts) => boolean;

/** What every accumulator of one compiled metric shares. */
export interface MetricRuntime {
  readonly id: string;
  /** Equal for metrics compiled from equal definitions: only their accumulators may merge. */
  readonly fingerprint: string;
  /** apiCallsOnly and the filter, compiled. */
  readonly matches: RecordPredicate;
}

/** `other` as an accumulator of the same class and metric, or a CustomMetricStateError. */
export function sameMetricAccumulator<Accumulator extends { readonly metric: MetricRuntime }>(
  metric: MetricRuntime,
  other: CustomAccumulator,
  type: abstract new (...args: never[]) => Accumulator,
): Accumulator {
  if (other instanceof type && other.metric.fingerprint === metric.fingerprint) return other;
  const otherId = other instanceof type ? `"${other.metric.id}" (another definition)` : 'another kind of metric';
  throw new CustomMetricStateError(metric.id, `cannot merge an accumulator of ${otherId} into this one`);
}

/**
 * The key a measure counts a value under: strings as they are, numbers and booleans as text, objects
 * and arrays as JSON; undefined (absent) values are not counted. Keys are capped at MAX_KEY_LENGTH.
 */
export function measureKey(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const key = typeof value === 'string' ? value : JSON.stringify(value);
  return key.length > MAX_KEY_LENGTH ? key.slice(0, MAX_KEY_LENGTH) : key;
}
