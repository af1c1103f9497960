/* eslint-disable no-restricted-imports, no-restricted-globals --
 * Test-only loader for the shared CloudTrail corpora (imported by *.spec.ts files only, never by
 * engine code), so it may read files and the environment. It uses plain fs + JSON.parse on
 * purpose: the tests must not depend on the readers they will later help to verify.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type JsonRecord = Record<string, unknown>;

/** Where a record came from, for readable test names and failure messages. */
export interface CorpusRecord {
  readonly source: string;
  readonly record: JsonRecord;
}

/** /work/shared/data (or $TRAILPULSE_SHARED_DATA): five levels up from src/schema/testing is the repo root. */
export const sharedDataDir: string =
  process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '../../../../..', '..', 'shared', 'data');

export const cloudTrailDir: string = path.join(sharedDataDir, 'cloudtrail');

export function readJson(relativePath: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(cloudTrailDir, relativePath), 'utf8'));
}

export function readNdjson(relativePath: string): unknown[] {
  return fs
    .readFileSync(path.join(cloudTrailDir, relativePath), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

export function listJsonFiles(relativeDir: string): string[] {
  const absoluteDir = path.join(cloudTrailDir, relativeDir);
  return fs
    .readdirSync(absoluteDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(relativeDir, name));
}

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The corpora README describes Panther's non-ISO form as "YYYY-MM-DD HH:MM:SS"; the ISO ones have a "T".
const ISO_DATE_TIME_PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CLOUDTRAIL_ENVELOPE_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/**
 * The corpora the README calls well formed: stratus-red-team arrays, the otel-collector-contrib
 * Records file, the detail of cloud-custodian's CloudTrail envelopes and the Panther lines whose
 * eventTime is ISO-8601.
 */
export function wellFormedRecords(): CorpusRecord[] {
  const records: CorpusRecord[] = [];
  for (const file of listJsonFiles('stratus-red-team/detonation-logs')) {
    for (const record of readJson(file) as JsonRecord[]) records.push({ source: file, record });
  }
  const otelFile = 'otel-collector-contrib/cloudtrail_log.json';
  for (const record of (readJson(otelFile) as { Records: JsonRecord[] }).Records) {
    records.push({ source: otelFile, record });
  }
  for (const file of listJsonFiles('cloud-custodian/cwe')) {
    const event = readJson(file);
    if (isJsonRecord(event) && event['detail-type'] === CLOUDTRAIL_ENVELOPE_DETAIL_TYPE && isJsonRecord(event['detail'])) {
      records.push({ source: file, record: event['detail'] });
    }
  }
  for (const file of ['panther-analysis/panther-tests.ndjson', 'panther-analysis/panther-scenarios.ndjson']) {
    for (const line of readNdjson(file)) {
      if (isJsonRecord(line) && typeof line['eventTime'] === 'string' && ISO_DATE_TIME_PREFIX.test(line['eventTime'])) {
        records.push({ source: file, record: line });
      }
    }
  }
  return records;
}

/** Collects every object that looks like a CloudTrail record, however it is wrapped. */
function collectRecordLike(value: unknown, source: string, into: CorpusRecord[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRecordLike(item, source, into);
    return;
  }
  if (!isJsonRecord(value)) return;
  if ('detail-type' in value) return collectRecordLike(value['detail'], source, into);
  if (Array.isArray(value['Records'])) return collectRecordLike(value['Records'], source, into);
  if ('trigger_rules' in value || 'classify_only' in value) return collectRecordLike(value['data'], source, into);
  if (Array.isArray(value['logEvents'])) {
    for (const logEvent of value['logEvents'] as unknown[]) {
      if (isJsonRecord(logEvent) && typeof logEvent['message'] === 'string') {
        collectRecordLike(JSON.parse(logEvent['message']), source, into);
      }
    }
    return;
  }
  if ('eventName' in value || 'eventSource' in value || 'eventType' in value || 'userIdentity' in value) {
    into.push({ source, record: value });
  }
}

/**
 * Every record-like object of every corpus, odd ones included (placeholders, lower-cased keys,
 * numeric accounts, Logstash exports): the input for "never throws" and "covers real values" tests.
 */
export function allRecordLikeObjects(): CorpusRecord[] {
  const records: CorpusRecord[] = [];
  const jsonDirs = ['stratus-red-team', 'otel-collector-contrib', 'cloud-custodian', 'streamalert'];
  for (const dir of jsonDirs) {
    for (const file of listJsonFiles(dir)) {
      if (file.endsWith('cloudtrail_digest.json')) continue;
      collectRecordLike(readJson(file), file, records);
    }
  }
  for (const file of [
    'panther-analysis/panther-tests.ndjson',
    'panther-analysis/panther-scenarios.ndjson',
    'otrf-security-datasets/ec2_proxy_s3_exfiltration_2020-09-14011940.ndjson',
  ]) {
    collectRecordLike(readNdjson(file), file, records);
  }
  return records;
}
