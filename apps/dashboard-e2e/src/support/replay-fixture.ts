import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from './paths';

/**
 * The fixed replay: Stratus Red Team's detonations recorded on 2024-08-01 between 11:30 and 13:56
 * UTC (87 real, anonymised CloudTrail records; EC2, SSM, IAM, STS, Lambda, RDS, IAM Roles
 * Anywhere, EC2 Instance Connect; 12 accounts and regions; two error codes). In lexical file
 * order (the order a replay reads) these files are also in time order, so the runtime closes and
 * scores each window once, as `trailpulse analyze` does.
 */
export const REPLAY_FILES = [
  'aws.execution.ec2-launch-unusual-instances.json',
  'aws.execution.ec2-user-data.json',
  'aws.execution.ssm-start-session.json',
  'aws.exfiltration.ec2-security-group-open-port-22-ingress.json',
  'aws.exfiltration.ec2-share-ami.json',
  'aws.exfiltration.ec2-share-ebs-snapshot.json',
  'aws.exfiltration.rds-share-snapshot.json',
  'aws.lateral-movement.ec2-instance-connect.json',
  'aws.persistence.iam-backdoor-role.json',
  'aws.persistence.iam-create-admin-user.json',
  'aws.persistence.iam-create-backdoor-role.json',
  'aws.persistence.iam-create-user-login-profile.json',
  'aws.persistence.lambda-backdoor-function.json',
  'aws.persistence.lambda-overwrite-code.json',
  'aws.persistence.rolesanywhere-create-trust-anchor.json',
] as const;

/** The last replayed minute ends this long before the suite starts: room for a range that ends in the past. */
export const REPLAY_END_BEFORE_NOW_MS = 20 * 60_000;

const MINUTE_MS = 60_000;

export type RawRecord = Record<string, unknown> & { eventTime: string };

export interface ReplayFixture {
  /** The folder the runtime replays and `trailpulse analyze` reads. */
  readonly dir: string;
  /** Every record as written (retimed), in replay order. */
  readonly records: readonly RawRecord[];
  readonly firstEventMs: number;
  readonly lastEventMs: number;
  /** How far the recorded times were moved forward: a whole number of minutes. */
  readonly shiftMs: number;
}

/**
 * Copies the replay files into `dir`, moving every eventTime forward by the same whole number of
 * minutes so the last record falls about 20 minutes before `nowMs`. Recent times are needed
 * because the store keeps windows for their retention tier only (10 s windows a day, 60 s two
 * weeks, 3600 s 400 days, counted from the window's end): a 2024 recording replayed as is would be
 * stored already expired and the API would answer no windows. Whole minutes keep every 10 s and
 * 60 s window boundary where it was, so the windows hold the same records as the recording's.
 */
export function writeReplayFixture(dir: string, nowMs: number): ReplayFixture {
  const source = join(sharedDataDir(), 'cloudtrail', 'stratus-red-team', 'detonation-logs');
  const files = REPLAY_FILES.map((name) => ({ name, records: JSON.parse(readFileSync(join(source, name), 'utf8')) as RawRecord[] }));
  const times = files.flatMap((file) => file.records.map((record) => Date.parse(record.eventTime)));
  const recordedLast = Math.max(...times);
  const targetLastMinute = Math.floor((nowMs - REPLAY_END_BEFORE_NOW_MS) / MINUTE_MS) * MINUTE_MS;
  const shiftMs = targetLastMinute - Math.floor(recordedLast / MINUTE_MS) * MINUTE_MS;
  mkdirSync(dir, { recursive: true });
  const records: RawRecord[] = [];
  for (const file of files) {
    const retimed = file.records.map((record) => ({ ...record, eventTime: isoSeconds(Date.parse(record.eventTime) + shiftMs) }));
    writeFileSync(join(dir, file.name), `${JSON.stringify(retimed, null, 2)}\n`);
    records.push(...retimed);
  }
  return { dir, records, firstEventMs: Math.min(...times) + shiftMs, lastEventMs: recordedLast + shiftMs, shiftMs };
}

/** CloudTrail's own format: ISO-8601 UTC without milliseconds. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
