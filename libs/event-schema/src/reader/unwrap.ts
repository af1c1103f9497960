/**
 * Delivery formats around CloudTrail records, peeled off one parsed JSON value at a time.
 *
 * Unwrapped: JSON arrays (one more array level inside an array, for arrays of arrays of records),
 * S3 delivery `{"Records":[...]}`, EventBridge envelopes with a CloudTrail detail-type (" via CloudTrail"),
 * and CloudWatch Logs subscription `DATA_MESSAGE`s (each `logEvents[].message` is a record as JSON text).
 * Skipped, as documents that hold no records: CloudTrail digest files and CloudWatch Logs `CONTROL_MESSAGE`s.
 * Everything else is a candidate record for the acceptance rule. In particular StreamAlert test wrappers
 * (`{"data": ..., "trigger_rules": [...]}`) are not a delivery format and are not unwrapped: they are
 * judged as records and rejected (missing-eventTime).
 */
import { describeValue, errorMessage } from './describe';

/** A whole document that was recognised and deliberately not read as records. */
export type DocumentSkipReason = 'cloudtrail-digest' | 'control-message';

/** Receives what one value unwraps to, in input order (a callback keeps the hot path allocation-free). */
export interface UnwrapSink {
  /** `nested` is false when the candidate is the unwrapped value itself, true when it was taken out of it. */
  candidate(value: unknown, path: string | undefined, nested: boolean): void;
  rejected(reason: 'not-cloudtrail' | 'invalid-json', message: string, path: string | undefined): void;
  skipped(reason: DocumentSkipReason, message: string, path: string | undefined): void;
}

const CLOUDTRAIL_DETAIL_TYPE_SUFFIX = ' via CloudTrail';

/**
 * Feeds `sink` the candidate records inside `value`. `arrayLevels` is how many array levels may still
 * be opened: 2 for a whole document or NDJSON line, 1 for an element of a streamed top-level array.
 */
export function unwrap(value: unknown, sink: UnwrapSink, arrayLevels: number, path?: string): void {
  unwrapAt(value, sink, arrayLevels, path, false);
}

function unwrapAt(value: unknown, sink: UnwrapSink, arrayLevels: number, path: string | undefined, nested: boolean): void {
  if (Array.isArray(value)) {
    if (arrayLevels === 0) {
      sink.candidate(value, path, nested);
      return;
    }
    for (let i = 0; i < value.length; i++) unwrapAt(value[i], sink, arrayLevels - 1, `${path ?? ''}[${i}]`, true);
    return;
  }
  if (typeof value !== 'object' || value === null) {
    sink.candidate(value, path, nested);
    return;
  }
  const object = value as Record<string, unknown>;
  const records = object['Records'];
  if (Array.isArray(records)) {
    const prefix = childPath(path, 'Records');
    for (let i = 0; i < records.length; i++) sink.candidate(records[i], `${prefix}[${i}]`, true);
    return;
  }
  const detailType = object['detail-type'];
  if (typeof detailType === 'string' && 'detail' in object) {
    if (detailType.endsWith(CLOUDTRAIL_DETAIL_TYPE_SUFFIX)) {
      sink.candidate(object['detail'], childPath(path, 'detail'), true);
    } else {
      sink.rejected('not-cloudtrail', `EventBridge event of detail-type ${describeValue(detailType)} is not a CloudTrail event`, path);
    }
    return;
  }
  const messageType = object['messageType'];
  if (messageType === 'DATA_MESSAGE' && Array.isArray(object['logEvents'])) {
    unwrapLogEvents(object['logEvents'], sink, childPath(path, 'logEvents'));
    return;
  }
  if (messageType === 'CONTROL_MESSAGE') {
    sink.skipped('control-message', 'CloudWatch Logs CONTROL_MESSAGE holds no records', path);
    return;
  }
  if ('digestStartTime' in object && 'digestEndTime' in object && 'logFiles' in object) {
    sink.skipped('cloudtrail-digest', 'CloudTrail digest file holds no records', path);
    return;
  }
  sink.candidate(value, path, nested);
}

/** A CloudWatch Logs subscription carries each record as JSON text in `message`. */
function unwrapLogEvents(logEvents: readonly unknown[], sink: UnwrapSink, prefix: string): void {
  for (let i = 0; i < logEvents.length; i++) {
    const logEvent = logEvents[i];
    const path = `${prefix}[${i}].message`;
    const message = typeof logEvent === 'object' && logEvent !== null ? (logEvent as Record<string, unknown>)['message'] : undefined;
    if (typeof message !== 'string') {
      sink.candidate(message, path, true);
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(message);
    } catch (error) {
      sink.rejected('invalid-json', `invalid JSON in ${path}: ${errorMessage(error)}`, path);
      continue;
    }
    sink.candidate(record, path, true);
  }
}

function childPath(path: string | undefined, key: string): string {
  return path === undefined ? key : `${path}.${key}`;
}
