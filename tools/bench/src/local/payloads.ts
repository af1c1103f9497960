// The POST bodies of the load: generated CloudTrail records as NDJSON, built before the clock starts.
import { CloudTrailRecordGenerator } from '../generator';

/** The finest window the local runtime announces live; latency is measured on it. */
export const LIVE_WINDOW_SECONDS = 10;

export interface IngestPayload {
  readonly body: Buffer;
  readonly records: number;
  /** Start (epoch ms) of every 10 s window the POST's records fall in. */
  readonly windowStartsMs: readonly number[];
  /** Latest eventTime in the POST (epoch ms): how far it moves the runtime's watermark. */
  readonly maxEventMs: number;
}

export interface LoadPlan {
  readonly payloads: readonly IngestPayload[];
  readonly records: number;
  /** Records that are API calls (metrics.md: eventType AwsApiCall or absent): what totalCalls must reach. */
  readonly apiCalls: number;
  readonly bytes: number;
  readonly firstEventMs: number;
  readonly lastEventMs: number;
}

/** `records` generated records (in event-time order, `eventRate` per second of eventTime) cut into POSTs of `batch`. */
export function buildLoadPlan(records: number, batch: number, eventRate: number, seed?: number): LoadPlan {
  const generator = new CloudTrailRecordGenerator({ records, spanSeconds: Math.max(1, Math.ceil(records / eventRate)), ...(seed === undefined ? {} : { seed }) });
  const windowMs = LIVE_WINDOW_SECONDS * 1000;
  const payloads: IngestPayload[] = [];
  let lines: string[] = [];
  let starts = new Set<number>();
  let maxEventMs = Number.NEGATIVE_INFINITY;
  let apiCalls = 0;
  let bytes = 0;
  let firstEventMs = Number.POSITIVE_INFINITY;
  let lastEventMs = Number.NEGATIVE_INFINITY;
  const flush = (): void => {
    const body = Buffer.from(lines.join('\n'), 'utf8');
    bytes += body.length;
    payloads.push({ body, records: lines.length, windowStartsMs: [...starts].sort((a, b) => a - b), maxEventMs });
    lines = [];
    starts = new Set();
    maxEventMs = Number.NEGATIVE_INFINITY;
  };
  for (const line of generator.records()) {
    const record = JSON.parse(line) as { eventTime: string; eventType?: string | null };
    const timeMs = Date.parse(record.eventTime);
    if (record.eventType === 'AwsApiCall' || record.eventType === undefined || record.eventType === null) apiCalls++;
    starts.add(Math.floor(timeMs / windowMs) * windowMs);
    firstEventMs = Math.min(firstEventMs, timeMs);
    lastEventMs = Math.max(lastEventMs, timeMs);
    maxEventMs = Math.max(maxEventMs, timeMs);
    lines.push(line);
    if (lines.length === batch) flush();
  }
  if (lines.length > 0) flush();
  return { payloads, records, apiCalls, bytes, firstEventMs, lastEventMs };
}

/**
 * One API call far enough past the load's last eventTime (a window plus the closer's 2 s lateness)
 * that the load's last windows close on the watermark, as they would in a stream that goes on,
 * rather than after the runtime's 3 s idle flush.
 */
export function closingRecord(lastEventMs: number): string {
  const eventTime = new Date(lastEventMs + (LIVE_WINDOW_SECONDS + 3) * 1000).toISOString();
  return JSON.stringify({ eventVersion: '1.08', eventTime, eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', eventType: 'AwsApiCall', awsRegion: 'us-east-1', recipientAccountId: '000000000000' });
}
