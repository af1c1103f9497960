import { parseEventTime } from '../normalize';
import { describeKind, describeValue } from './describe';

/** Why a record was rejected: the reasons of the spec (metrics.md, "Input") plus the reader's own. */
export const REJECT_REASONS = [
  'invalid-json',
  'not-an-object',
  'missing-eventTime',
  'invalid-eventTime',
  'missing-eventSource',
  'missing-eventName',
  'too-large',
  'not-cloudtrail',
  'truncated',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** EventBridge's event size limit, which the spec adopts as the largest record accepted. */
export const DEFAULT_MAX_RECORD_BYTES = 262_144;

/** An accepted record: the parsed object itself, unknown fields kept untouched. */
export interface CloudTrailLikeRecord {
  eventTime: string;
  eventSource: string;
  eventName: string;
  readonly [key: string]: unknown;
}

export type AcceptVerdict =
  | { readonly accepted: true; readonly record: CloudTrailLikeRecord; readonly eventTimeMs: number }
  | { readonly accepted: false; readonly reason: RejectReason; readonly message: string };

/**
 * The spec's acceptance rule: a JSON object with a valid ISO-8601 `eventTime` and non-empty string
 * `eventSource` and `eventName`. Null counts as absent. eventTime is checked first so that a value
 * which is not a CloudTrail record at all (e.g. a test wrapper) is reported as missing-eventTime.
 */
export function judgeRecord(value: unknown): AcceptVerdict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { accepted: false, reason: 'not-an-object', message: `record is ${describeKind(value)}, not an object` };
  }
  const candidate = value as Record<string, unknown>;
  const eventTime = candidate['eventTime'];
  if (eventTime == null) {
    return { accepted: false, reason: 'missing-eventTime', message: `eventTime is ${absence(eventTime)}` };
  }
  // parseEventTime is only asked about strings: the spec wants an ISO-8601 text, not an epoch number.
  const eventTimeMs = typeof eventTime === 'string' ? parseEventTime(eventTime) : undefined;
  if (eventTimeMs === undefined) {
    return {
      accepted: false,
      reason: 'invalid-eventTime',
      message: `eventTime ${describeValue(eventTime)} is not a valid ISO-8601 time`,
    };
  }
  if (!isNonEmptyString(candidate['eventSource'])) {
    return { accepted: false, reason: 'missing-eventSource', message: notANameMessage('eventSource', candidate['eventSource']) };
  }
  if (!isNonEmptyString(candidate['eventName'])) {
    return { accepted: false, reason: 'missing-eventName', message: notANameMessage('eventName', candidate['eventName']) };
  }
  return { accepted: true, record: candidate as CloudTrailLikeRecord, eventTimeMs };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function notANameMessage(field: string, value: unknown): string {
  return value == null ? `${field} is ${absence(value)}` : `${field} ${describeValue(value)} is not a non-empty string`;
}

function absence(value: null | undefined): string {
  return value === null ? 'null' : 'missing';
}
