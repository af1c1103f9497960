// Test-only builders of records and their facts, so specs state only the fields they are about.
import { type CloudTrailLikeRecord, parseEventTime } from '@trailpulse/event-schema';
import { type CallFacts, factsFromRecord } from '../../facts/call-facts';

export const WINDOW_START = '2024-06-01T12:00:00Z';

/** An accepted API call with the fields the spec requires, plus `fields`. */
export function apiCall(fields: Readonly<Record<string, unknown>> = {}): CloudTrailLikeRecord {
  return { eventTime: WINDOW_START, eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', eventType: 'AwsApiCall', ...fields };
}

export function factsOf(record: CloudTrailLikeRecord): CallFacts {
  return factsFromRecord(record, parseEventTime(record.eventTime) ?? 0);
}

/** A record with its facts, as the engine hands them to an accumulator. */
export interface FactRecord {
  readonly record: CloudTrailLikeRecord;
  readonly facts: CallFacts;
}

export function withFacts(record: CloudTrailLikeRecord): FactRecord {
  return { record, facts: factsOf(record) };
}
