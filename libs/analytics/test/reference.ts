/**
 * A brute-force reference of metrics.md, written from the spec alone to check the engine: no
 * sketch and no engine code, just arrays, plain maps and full sorts. It shares only the readers
 * (which decide what is accepted) and the service catalog (which decides categories) with the
 * engine. Line references are to /work/shared/spec/metrics.md.
 */
import { type DetectorFactory } from '@trailpulse/anomaly';
import { classifyOperation } from '@trailpulse/event-schema';

export interface ReferenceInput {
  /** Accepted records with their parsed event time, as the readers give them. */
  readonly accepted: readonly { readonly record: Readonly<Record<string, unknown>>; readonly eventTimeMs: number }[];
  /** The reject reason of every rejected record. */
  readonly rejectReasons: readonly string[];
}

interface Entry {
  key: string;
  count: number;
}

interface ReferenceWindow {
  start: string;
  end: string;
  metrics: {
    totalCalls: number;
    callsByService: Record<string, number>;
    callsByCategory: Record<string, number>;
    topApiCalls: Entry[];
    topUsers: Entry[];
    topIps: Entry[];
    maxCallsByIp: Entry;
    ec2SuccessfulCalls: number;
    anomalyScore: number;
  };
}

export interface ReferenceOutput {
  events: { read: number; accepted: number; rejected: number; rejectReasons: Record<string, number>; byEventType: Record<string, number> };
  windowSeconds: number;
  windows: ReferenceWindow[];
}

/** "A field that is null counts as absent everywhere in this spec." */
const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/**
 * The repository's presence rule where metrics.md says "first non-empty" or "as recorded" (see
 * libs/event-schema/src/normalize/raw-record.ts): a field is present when it is a non-empty string.
 */
const nonEmptyString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}

/** "An accepted record is an API call when eventType is "AwsApiCall" or absent." */
function isApiCall(record: Readonly<Record<string, unknown>>): boolean {
  const eventType = record['eventType'];
  return eventType === 'AwsApiCall' || isAbsent(eventType);
}

/** "counted in events.byEventType under its eventType ("(absent)" when the field is missing or null)". */
function eventTypeKey(record: Readonly<Record<string, unknown>>): string {
  const eventType = record['eventType'];
  return isAbsent(eventType) ? '(absent)' : String(eventType);
}

/** "Identity key (first non-empty of) u.arn, u.sessionContext.sessionIssuer.arn, u.userName, u.principalId, u.invokedBy, u.type, else "unknown"." */
function identityOf(record: Readonly<Record<string, unknown>>): string {
  const u = record['userIdentity'];
  const candidates = [
    field(u, 'arn'),
    field(field(field(u, 'sessionContext'), 'sessionIssuer'), 'arn'),
    field(u, 'userName'),
    field(u, 'principalId'),
    field(u, 'invokedBy'),
    field(u, 'type'),
  ];
  for (const candidate of candidates) {
    const value = nonEmptyString(candidate);
    if (value !== undefined) return value;
  }
  return 'unknown';
}

/** "topIps: top K of sourceIPAddress (as recorded; "unknown" when absent)". */
function ipOf(record: Readonly<Record<string, unknown>>): string {
  return nonEmptyString(record['sourceIPAddress']) ?? 'unknown';
}

/** "ec2SuccessfulCalls: API calls with eventSource ec2.amazonaws.com and no errorCode (absent, null or "")". */
function isEc2Success(record: Readonly<Record<string, unknown>>): boolean {
  return record['eventSource'] === 'ec2.amazonaws.com' && nonEmptyString(record['errorCode']) === undefined;
}

/** "callsByCategory: the record's readOnly field (boolean or "true"/"false") decides read when present; otherwise the service catalog / verb rules decide." */
function categoryOf(record: Readonly<Record<string, unknown>>): string {
  const readOnly = record['readOnly'];
  const evidence = typeof readOnly === 'boolean' || typeof readOnly === 'string' ? readOnly : null;
  return classifyOperation(String(record['eventSource']), String(record['eventName']), evidence);
}

/** "sorted by count descending, then key ascending (JavaScript string order, i.e. UTF-16 code units), at most K long". */
function topOf(keys: readonly string[], k: number): Entry[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, k);
}

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/**
 * metrics.md "Batch output": `trailpulse analyze --window <windowSeconds>s --top <topK> --json`.
 * anomalyScore: `detector` fed every window's totalCalls in start order ("against the series so far").
 */
export function referenceAnalyze(input: ReferenceInput, windowSeconds: number, topK: number, detector: DetectorFactory): ReferenceOutput {
  const windowMs = windowSeconds * 1000;
  const calls = input.accepted.filter(({ record }) => isApiCall(record));
  // "Tumbling windows on event time, aligned to multiples of the window length since the Unix epoch, half-open [start, end)."
  const starts = [...new Set(calls.map(({ eventTimeMs }) => Math.floor(eventTimeMs / windowMs) * windowMs))].sort((a, b) => a - b);
  const series = detector.create();
  const windows = starts.map((startMs): ReferenceWindow => {
    const records = calls.filter(({ eventTimeMs }) => eventTimeMs >= startMs && eventTimeMs < startMs + windowMs).map(({ record }) => record);
    const categories = records.map(categoryOf);
    const topIps = topOf(records.map(ipOf), topK);
    return {
      start: new Date(startMs).toISOString(),
      end: new Date(startMs + windowMs).toISOString(),
      metrics: {
        totalCalls: records.length,
        callsByService: countBy(records.map((record) => String(record['eventSource']))),
        callsByCategory: Object.fromEntries(['create', 'modify', 'delete', 'read', 'other'].map((name) => [name, categories.filter((category) => category === name).length])),
        topApiCalls: topOf(records.map((record) => `${String(record['eventSource'])}:${String(record['eventName'])}`), topK),
        topUsers: topOf(records.map(identityOf), topK),
        topIps,
        // "the single { key, count } with the most calls in the window (ties: smallest key)": the head of the full sorted list.
        maxCallsByIp: topOf(records.map(ipOf), Infinity)[0] ?? { key: '', count: 0 },
        ec2SuccessfulCalls: records.filter(isEc2Success).length,
        anomalyScore: series.update(startMs, records.length),
      },
    };
  });
  return {
    events: {
      read: input.accepted.length + input.rejectReasons.length,
      accepted: input.accepted.length,
      rejected: input.rejectReasons.length,
      rejectReasons: countBy(input.rejectReasons),
      byEventType: countBy(input.accepted.map(({ record }) => eventTypeKey(record))),
    },
    windowSeconds,
    windows,
  };
}
