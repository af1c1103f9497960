/** Deterministic CloudTrail-like records for the store tests (no randomness: every run sees the same data). */
import { type AcceptedRecord, type CloudTrailLikeRecord, parseEventTime } from '@trailpulse/event-schema';

/** 2024-01-01T00:00:00Z: a boundary of every window length (10 s, 60 s, 3600 s). */
export const BASE_MS = Date.UTC(2024, 0, 1);

export function accepted(record: CloudTrailLikeRecord): AcceptedRecord {
  const eventTimeMs = parseEventTime(record.eventTime);
  if (eventTimeMs === undefined) throw new Error(`test record has an invalid eventTime: ${record.eventTime}`);
  return { record, eventTimeMs, sizeBytes: JSON.stringify(record).length, location: { source: 'test' } };
}

const SERVICES = ['ec2.amazonaws.com', 's3.amazonaws.com', 'iam.amazonaws.com', 'sts.amazonaws.com', 'lambda.amazonaws.com'];
const NAMES = ['RunInstances', 'DescribeInstances', 'PutObject', 'GetObject', 'CreateUser', 'DeleteBucket', 'AssumeRole', 'Invoke'];
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];

/**
 * `count` records spread over `spanMs` from `startMs`, cycling through services, names, users,
 * IPs, accounts and regions with co-prime periods so every combination occurs; every 7th fails
 * and every 11th is not an API call (custom metrics see it, the built-ins do not).
 */
export function trafficRecords(count: number, options: { startMs?: number; spanMs?: number; ips?: number } = {}): AcceptedRecord[] {
  const startMs = options.startMs ?? BASE_MS;
  const spanMs = options.spanMs ?? 600_000;
  const ips = options.ips ?? 50;
  const records: AcceptedRecord[] = [];
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {
      eventTime: new Date(startMs + Math.floor((i * spanMs) / count)).toISOString(),
      eventSource: SERVICES[i % SERVICES.length],
      eventName: NAMES[i % NAMES.length],
      recipientAccountId: ACCOUNTS[i % ACCOUNTS.length],
      awsRegion: REGIONS[i % REGIONS.length],
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNTS[i % ACCOUNTS.length]}:user/u${i % 13}` },
      sourceIPAddress: `10.0.${Math.floor((i % ips) / 256)}.${(i % ips) % 256}`,
    };
    if (i % 7 === 0) record['errorCode'] = 'AccessDenied';
    if (i % 11 === 0) record['eventType'] = 'AwsServiceEvent';
    records.push(accepted(record as CloudTrailLikeRecord));
  }
  return records;
}

/** `items` in consecutive slices of `size`. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
