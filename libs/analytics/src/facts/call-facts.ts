import {
  type ActivityCategory,
  classifyOperation,
  type CloudTrailLikeRecord,
  errorClass,
  type ErrorClass,
  eventTypeKey,
  identityKey,
  isApiCall,
  isSuccessful,
  recordAccount,
  recordRegion,
} from '@trailpulse/event-schema';

/** `sourceIPAddress` when the record has none (metrics.md, `topIps`). */
export const UNKNOWN_IP = 'unknown';
export const EC2_EVENT_SOURCE = 'ec2.amazonaws.com';

/**
 * Everything the built-in metrics need from one accepted record, already normalized. Built from
 * a parsed record by `factsFromRecord`; a faster byte scanner may build the same facts straight
 * from the record's JSON text, and must agree with `factsFromRecord` on every record.
 */
export interface CallFacts {
  readonly eventTimeMs: number;
  /** metrics.md: `eventType` is "AwsApiCall" or absent. Only API calls count in the window metrics. */
  readonly isApiCall: boolean;
  /** The `events.byEventType` key: eventType, or "(absent)". */
  readonly eventType: string;
  readonly eventSource: string;
  /** As recorded (topApiCalls keys use the recorded name; classification normalizes it). */
  readonly eventName: string;
  /** metrics.md "Identity key". */
  readonly identity: string;
  /** `sourceIPAddress` as recorded, "unknown" when absent. */
  readonly sourceIp: string;
  readonly category: ActivityCategory;
  /** No errorCode (absent, null or ""). */
  readonly successful: boolean;
  readonly errorClass: ErrorClass;
  readonly account: string;
  readonly region: string;
}

/** The facts of one accepted record (the reference implementation every faster path must match). */
export function factsFromRecord(record: CloudTrailLikeRecord, eventTimeMs: number): CallFacts {
  const ip = record['sourceIPAddress'];
  const readOnly = record['readOnly'];
  return {
    eventTimeMs,
    isApiCall: isApiCall(record),
    eventType: eventTypeKey(record),
    eventSource: record.eventSource,
    eventName: record.eventName,
    identity: identityKey(record),
    sourceIp: typeof ip === 'string' && ip.length > 0 ? ip : UNKNOWN_IP,
    category: classifyOperation(
      record.eventSource,
      record.eventName,
      typeof readOnly === 'boolean' || typeof readOnly === 'string' ? readOnly : null,
    ),
    successful: isSuccessful(record),
    errorClass: errorClass(record),
    account: recordAccount(record),
    region: recordRegion(record),
  };
}
