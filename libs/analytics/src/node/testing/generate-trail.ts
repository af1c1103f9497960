/**
 * A small deterministic CloudTrail NDJSON generator for tests and informal measurements: records
 * shaped like the stratus-red-team detonation logs (nested userIdentity and sessionContext,
 * requestParameters, responseElements, tlsDetails), and, on request, the odd lines real inputs have.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface TrailOptions {
  readonly records: number;
  readonly seed?: number;
  /** Event time of the first record; records are ~`spacingMs` apart with some jitter and late ones. */
  readonly startMs?: number;
  readonly spacingMs?: number;
  /** Mix in blank, invalid, rejected, envelope and Records lines (about 1 in 50). */
  readonly oddLines?: boolean;
}

const SERVICES: readonly (readonly [string, readonly string[]])[] = [
  ['ec2.amazonaws.com', ['DescribeInstances', 'RunInstances', 'TerminateInstances', 'CreateSnapshot', 'ModifySnapshotAttribute', 'GetPasswordData']],
  ['s3.amazonaws.com', ['GetObject', 'PutObject', 'ListBuckets', 'DeleteBucket', 'PutBucketPolicy']],
  ['iam.amazonaws.com', ['CreateUser', 'AttachUserPolicy', 'ListRoles', 'CreateAccessKey', 'UpdateLoginProfile']],
  ['sts.amazonaws.com', ['AssumeRole', 'GetCallerIdentity', 'GetFederationToken']],
  ['secretsmanager.amazonaws.com', ['GetSecretValue', 'ListSecrets', 'BatchGetSecretValue']],
  ['cloudtrail.amazonaws.com', ['StopLogging', 'DeleteTrail', 'LookupEvents']],
  ['lambda.amazonaws.com', ['UpdateFunctionCode20150331v2', 'Invoke', 'ListFunctions20150331']],
];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sagov-westsouth-1r'];
const ERRORS = ['AccessDenied', 'Client.UnauthorizedOperation', 'ThrottlingException', 'NoSuchEntity'];

/** Lines of a trail, generated lazily. */
export function* trailLines(options: TrailOptions): Generator<string> {
  let state = options.seed ?? 1;
  const random = (): number => {
    // xorshift32: fast, deterministic per seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const startMs = options.startMs ?? Date.UTC(2024, 6, 30, 21, 0, 0);
  const spacingMs = options.spacingMs ?? 50;
  for (let i = 0; i < options.records; i++) {
    const late = random() < 0.02 ? 600_000 * random() : 0;
    const eventTimeMs = Math.floor(startMs + i * spacingMs + 1000 * random() - late);
    const record = generatedRecord(i, eventTimeMs, random, pick);
    if (options.oddLines === true && random() < 0.02) yield oddLine(i, record, pick);
    else yield JSON.stringify(record);
  }
}

function generatedRecord(index: number, eventTimeMs: number, random: () => number, pick: <T>(items: readonly T[]) => T): Record<string, unknown> {
  const [eventSource, names] = pick(SERVICES);
  const eventName = pick(names);
  const account = String(100000000000 + Math.floor(random() * 20));
  const user = `user-${Math.floor(random() * 300)}`;
  const assumed = random() < 0.4;
  const role = `role-${Math.floor(random() * 40)}`;
  const eventTime = new Date(eventTimeMs).toISOString().replace('.000Z', 'Z');
  return {
    eventVersion: '1.09',
    userIdentity: assumed
      ? {
          type: 'AssumedRole',
          principalId: `AROA${index % 97}:${user}`,
          arn: random() < 0.9 ? `arn:aws:sts::${account}:assumed-role/${role}/${user}` : undefined,
          accountId: account,
          accessKeyId: `ASIA${(index * 7919).toString(36).toUpperCase()}`,
          sessionContext: {
            sessionIssuer: { type: 'Role', principalId: `AROA${index % 97}`, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
            attributes: { creationDate: eventTime, mfaAuthenticated: 'false' },
          },
        }
      : { type: 'IAMUser', principalId: `AIDA${index % 89}`, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, accessKeyId: 'AKIAEXAMPLE', userName: user },
    eventTime,
    eventSource,
    eventName,
    awsRegion: pick(REGIONS),
    sourceIPAddress: random() < 0.05 ? `${eventSource}` : `10.${Math.floor(random() * 4)}.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}`,
    userAgent: `stratus-red-team_${index.toString(16)}-6dac-405c-a4c4-e19aec03c666 aws-sdk-go/1.${index % 50}`,
    ...(random() < 0.15 ? { errorCode: pick(ERRORS), errorMessage: `User is not authorized to perform: ${eventSource.split('.')[0]}:${eventName} on resource "arn:aws:${eventSource}"` } : {}),
    requestParameters: random() < 0.2 ? null : { instancesSet: { items: [{ instanceId: `i-${index.toString(16)}` }] }, filterSet: {}, maxResults: 1000, includeAll: true },
    responseElements: random() < 0.5 ? null : { requestId: `req-${index}`, _return: true, credentials: { expiration: 'Jul 30, 2024, 10:31:21 PM' } },
    requestID: `${index.toString(16).padStart(8, '0')}-71d5-441e-84c8-b424f1c78ffb`,
    eventID: `${(index * 31).toString(16).padStart(8, '0')}-b39e-4a18-a6a0-d07a6e2105cb`,
    readOnly: eventName.startsWith('Describe') || eventName.startsWith('Get') || eventName.startsWith('List'),
    eventType: random() < 0.03 ? 'AwsServiceEvent' : 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${eventSource.split('.')[0]}.us-east-1.amazonaws.com` },
  };
}

function oddLine(index: number, record: Record<string, unknown>, pick: <T>(items: readonly T[]) => T): string {
  switch (pick(['blank', 'invalid', 'no-time', 'envelope', 'records', 'escaped', 'crlf'] as const)) {
    case 'blank':
      return '   ';
    case 'invalid':
      return JSON.stringify(record).slice(0, 100 + (index % 200));
    case 'no-time':
      return JSON.stringify({ ...record, eventTime: null });
    case 'envelope':
      return JSON.stringify({ version: '0', 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.ec2', detail: record });
    case 'records':
      return JSON.stringify({ Records: [record, { ...record, eventName: 'Second' }] });
    case 'escaped':
      return JSON.stringify(record).replace('"eventName":"', '"event\\u004eame":"\\u00e9');
    case 'crlf':
      return `${JSON.stringify(record)}\r`;
  }
}

/** Writes a trail to `file`; resolves with the number of bytes written. */
export async function writeTrail(file: string, options: TrailOptions): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  let pending = '';
  for (const line of trailLines(options)) {
    pending += `${line}\n`;
    if (pending.length >= 1 << 20) {
      bytes += Buffer.byteLength(pending);
      if (!out.write(pending)) await once(out, 'drain');
      pending = '';
    }
  }
  bytes += Buffer.byteLength(pending);
  out.end(pending);
  await once(out, 'close');
  return bytes;
}
