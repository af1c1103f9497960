/**
 * An independent, deliberately simple reading of a whole file, for cross-checking the streaming readers:
 * read it all, gunzip if it starts like gzip, JSON.parse it whole (or line by line when that fails), unwrap
 * the delivery formats of metrics.md "Input", and apply the acceptance rule with a regular expression and
 * the calendar. It shares no code with src/reader.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface ReferenceCounts {
  read: number;
  accepted: number;
  rejectReasons: Record<string, number>;
  skippedDocuments: number;
}

type Outcome = { value: unknown } | { rejected: string } | { skipped: true };

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

export function referenceRead(file: string): ReferenceCounts {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const outcomes = parseDocument(text) ?? parseLines(text);
  const counts: ReferenceCounts = { read: 0, accepted: 0, rejectReasons: {}, skippedDocuments: 0 };
  for (const outcome of outcomes) {
    if ('skipped' in outcome) {
      counts.skippedDocuments++;
      continue;
    }
    counts.read++;
    const reason = 'rejected' in outcome ? outcome.rejected : rejectReason(outcome.value);
    if (reason === undefined) counts.accepted++;
    else counts.rejectReasons[reason] = (counts.rejectReasons[reason] ?? 0) + 1;
  }
  return counts;
}

function parseDocument(text: string): Outcome[] | undefined {
  try {
    return unwrap(JSON.parse(text), 2);
  } catch {
    return undefined;
  }
}

function parseLines(text: string): Outcome[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return unwrap(JSON.parse(line), 2);
      } catch {
        return [{ rejected: 'invalid-json' }];
      }
    });
}

function unwrap(value: unknown, arrayLevels: number): Outcome[] {
  if (Array.isArray(value)) return arrayLevels > 0 ? value.flatMap((element) => unwrap(element, arrayLevels - 1)) : [{ value }];
  if (typeof value !== 'object' || value === null) return [{ value }];
  const object = value as Record<string, unknown>;
  if (Array.isArray(object['Records'])) return (object['Records'] as unknown[]).map((record) => ({ value: record }));
  if (typeof object['detail-type'] === 'string' && 'detail' in object) {
    return object['detail-type'].endsWith(' via CloudTrail') ? [{ value: object['detail'] }] : [{ rejected: 'not-cloudtrail' }];
  }
  if (object['messageType'] === 'DATA_MESSAGE' && Array.isArray(object['logEvents'])) {
    return (object['logEvents'] as { message?: unknown }[]).map((logEvent) => {
      try {
        return { value: typeof logEvent.message === 'string' ? JSON.parse(logEvent.message) : logEvent.message };
      } catch {
        return { rejected: 'invalid-json' };
      }
    });
  }
  if (object['messageType'] === 'CONTROL_MESSAGE' || ('digestStartTime' in object && 'digestEndTime' in object && 'logFiles' in object)) {
    return [{ skipped: true }];
  }
  return [{ value }];
}

function rejectReason(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not-an-object';
  const record = value as Record<string, unknown>;
  if (record['eventTime'] === undefined || record['eventTime'] === null) return 'missing-eventTime';
  if (!isIsoTime(record['eventTime'])) return 'invalid-eventTime';
  if (typeof record['eventSource'] !== 'string' || record['eventSource'] === '') return 'missing-eventSource';
  if (typeof record['eventName'] !== 'string' || record['eventName'] === '') return 'missing-eventName';
  return undefined;
}

function isIsoTime(value: unknown): boolean {
  const match = typeof value === 'string' ? ISO_TIME.exec(value) : null;
  if (match === null) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return (
    date.getUTCMonth() === (month ?? 0) - 1 &&
    date.getUTCDate() === day &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59 &&
    (offsetHours ?? 0) <= 23 &&
    (offsetMinutes ?? 0) <= 59
  );
}
