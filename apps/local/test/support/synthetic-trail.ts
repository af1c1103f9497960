import { writeFileSync } from 'node:fs';

export interface SyntheticTrailOptions {
  readonly records: number;
  /** eventTime of the first record (whole seconds). */
  readonly startMs: number;
  /** Records sharing each second of event time. */
  readonly perSecond: number;
  readonly accounts?: number;
  readonly regions?: readonly string[];
}

const SERVICES: readonly (readonly [string, string])[] = [
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['ec2.amazonaws.com', 'RunInstances'],
  ['s3.amazonaws.com', 'GetObject'],
  ['s3.amazonaws.com', 'PutBucketPolicy'],
  ['iam.amazonaws.com', 'CreateAccessKey'],
  ['sts.amazonaws.com', 'AssumeRole'],
  ['kms.amazonaws.com', 'Decrypt'],
  ['lambda.amazonaws.com', 'Invoke'],
];

/**
 * A deterministic CloudTrail trail in time order: accounts x regions x a few services, users and
 * addresses, some errors, a console sign-in now and then (not an API call), unique eventIDs. The
 * values follow from the index alone, so the trail is the same on every run.
 */
export function syntheticRecords(options: SyntheticTrailOptions): object[] {
  const accounts = Array.from({ length: options.accounts ?? 2 }, (_, i) => String(111_122_223_333 + i * 1_111));
  const regions = options.regions ?? ['us-east-1', 'eu-west-1'];
  const records: object[] = [];
  for (let i = 0; i < options.records; i++) {
    const [eventSource, eventName] = SERVICES[(i * 7) % SERVICES.length] as readonly [string, string];
    const account = accounts[i % accounts.length] as string;
    const user = `user-${(i * 13) % 37}`;
    const eventTime = new Date(options.startMs + Math.floor(i / options.perSecond) * 1000).toISOString().replace('.000Z', 'Z');
    records.push({
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', principalId: `AIDA${user.toUpperCase()}`, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, userName: user },
      eventTime,
      eventSource,
      eventName,
      awsRegion: regions[Math.floor(i / accounts.length) % regions.length],
      sourceIPAddress: `198.51.100.${(i * 31) % 200}`,
      userAgent: 'aws-cli/2.15.0',
      ...(i % 17 === 0 ? { errorCode: 'AccessDenied', errorMessage: 'denied' } : {}),
      eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      eventType: i % 101 === 0 ? 'AwsConsoleSignIn' : 'AwsApiCall',
      readOnly: eventName.startsWith('Describe') || eventName.startsWith('Get'),
      recipientAccountId: account,
    });
  }
  return records;
}

export function writeNdjson(file: string, records: readonly object[]): string {
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  return file;
}
