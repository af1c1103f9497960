/** Records, accepted records and fast-check arbitraries for the engine tests. */
import { type AcceptedRecord, type CloudTrailLikeRecord, parseEventTime } from '@trailpulse/event-schema';
import fc from 'fast-check';

/** An accepted record as the readers would give it. */
export function accepted(record: CloudTrailLikeRecord): AcceptedRecord {
  const eventTimeMs = parseEventTime(record.eventTime);
  if (eventTimeMs === undefined) throw new Error(`test record has an invalid eventTime: ${record.eventTime}`);
  return { record, eventTimeMs, sizeBytes: JSON.stringify(record).length, location: { source: 'test' } };
}

/** An EC2 API call at `eventTime`, with whatever else `extra` sets. */
export function apiCall(eventTime: string, extra: Record<string, unknown> = {}): AcceptedRecord {
  return accepted({ eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', sourceIPAddress: '10.0.0.1', ...extra, eventTime });
}

/** 2024-01-01T00:00:00Z: a window boundary for every supported window length. */
export const BASE_MS = Date.UTC(2024, 0, 1);

export const iso = (ms: number): string => new Date(ms).toISOString();

const absentOr = <T>(...values: T[]): fc.Arbitrary<T | undefined | null> => fc.constantFrom<T | undefined | null>(undefined, null, ...values);

/**
 * Records over `windows` consecutive 10 s windows from BASE_MS, with few distinct values per field
 * so that keys repeat, ties happen and every metric is exercised: absent, null and empty fields,
 * non-API event types, errorCodes, readOnly flags, non-ASCII and prototype-like keys.
 */
export function recordArbitrary(windows: number): fc.Arbitrary<AcceptedRecord> {
  return fc
    .record({
      offsetMs: fc.integer({ min: 0, max: windows * 10_000 - 1 }),
      eventSource: fc.constantFrom('ec2.amazonaws.com', 's3.amazonaws.com', 'iam.amazonaws.com', 'sts.amazonaws.com', '__proto__'),
      eventName: fc.constantFrom('RunInstances', 'DescribeInstances', 'DeleteBucket', 'PutObject', 'GetObject', 'AssumeRole', 'Zap', 'é', 'constructor'),
      eventType: absentOr('AwsApiCall', 'AwsConsoleSignIn', 'AwsServiceEvent'),
      userIdentity: absentOr<unknown>(
        { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', userName: 'alice' },
        { type: 'AssumedRole', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/deploy' } } },
        { type: 'Root', principalId: '111122223333' },
        { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' },
        { type: '__proto__' },
        { arn: '' },
      ),
      sourceIPAddress: absentOr('10.0.0.1', '10.0.0.2', '192.0.2.7', '', 'Ω'),
      errorCode: absentOr('', 'AccessDenied', 'Client.UnauthorizedOperation'),
      readOnly: absentOr<unknown>(true, false, 'true', 'false', 'True'),
    })
    .map(({ offsetMs, ...fields }) => {
      const record: Record<string, unknown> = { eventTime: iso(BASE_MS + offsetMs) };
      for (const [name, value] of Object.entries(fields)) if (value !== undefined) record[name] = value;
      return accepted(record as CloudTrailLikeRecord);
    });
}

/** `items` cut at `cuts` (positions, any order, out of range allowed) into consecutive parts. */
export function splitAt<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const positions = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const position of [...positions, items.length]) {
    parts.push(items.slice(from, position));
    from = position;
  }
  return parts;
}
