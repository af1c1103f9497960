/**
 * The readers over every file of the shared CloudTrail corpora (/work/shared/data/cloudtrail, see its
 * README.md and SOURCE.md files), checked against an independent whole-file reading and the facts the
 * data README states.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { referenceRead } from '../../test/reference-reader';
import { CLOUDTRAIL_DATA_DIR } from '../../test/shared-data';
import { addBatch, createReadStats, REJECT_REASONS, type ReadStats, type RejectedRecord } from '../reader';
import { readPaths, type SourceBatch } from './read-paths';

const READ_IN_DIRECTORIES = /\.(json|jsonl|ndjson)(\.gz)?$/i;
const allFiles = (readdirSync(CLOUDTRAIL_DATA_DIR, { recursive: true, withFileTypes: true }) as { isFile(): boolean; name: string; parentPath: string }[])
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();
const corpus = (relative: string): string => path.join(CLOUDTRAIL_DATA_DIR, relative);

interface FileRead {
  readonly stats: ReadStats;
  readonly batches: SourceBatch[];
}

async function readFile(paths: string[]): Promise<FileRead> {
  const stats = createReadStats();
  const batches: SourceBatch[] = [];
  for await (const batch of readPaths(paths)) {
    addBatch(stats, batch);
    batches.push(batch);
  }
  return { stats, batches };
}

const reads = new Map<string, FileRead>();

beforeAll(async () => {
  for (const file of allFiles) reads.set(file, await readFile([file]));
});

function readOf(relative: string): FileRead {
  const read = reads.get(corpus(relative));
  if (read === undefined) throw new Error(`not in the corpus: ${relative}`);
  return read;
}

function sumOf(prefix: string): { read: number; accepted: number; rejectReasons: Record<string, number> } {
  const total = { read: 0, accepted: 0, rejectReasons: {} as Record<string, number> };
  for (const [file, { stats }] of reads) {
    if (!file.startsWith(corpus(prefix)) || !READ_IN_DIRECTORIES.test(file)) continue;
    total.read += stats.read;
    total.accepted += stats.accepted;
    for (const [reason, count] of Object.entries(stats.rejectReasons)) total.rejectReasons[reason] = (total.rejectReasons[reason] ?? 0) + count;
  }
  return total;
}

describe('the shared CloudTrail corpora', () => {
  it('has files to read', () => {
    expect(allFiles.length).toBeGreaterThan(100);
  });

  it.each(allFiles.map((file) => [path.relative(CLOUDTRAIL_DATA_DIR, file), file]))(
    '%s: read explicitly, accepted + rejected = read, every rejection has a known reason and a location, as an independent reading counts',
    (_relative, file) => {
      // Prepare
      const { stats, batches } = reads.get(file) ?? { stats: createReadStats(), batches: [] };
      const rejected: RejectedRecord[] = batches.flatMap((batch) => batch.rejected);
      const reference = referenceRead(file);
      // Assess
      expect(stats.accepted + stats.rejected).toBe(stats.read);
      expect(batches.filter((batch) => batch.endOfSource)).toHaveLength(1);
      for (const rejection of rejected) {
        expect(REJECT_REASONS).toContain(rejection.reason);
        expect(rejection.location.source).toBe(file);
        expect(rejection.location.line).toBeGreaterThanOrEqual(1);
        expect(rejection.message.length).toBeGreaterThan(0);
      }
      expect({ read: stats.read, accepted: stats.accepted, rejectReasons: { ...stats.rejectReasons }, skippedDocuments: stats.filesSkipped.length }).toEqual(reference);
    },
  );

  it('reads the whole folder as the sum of the files it keeps, skipping the digest and the non-JSON files', async () => {
    // Act
    const { stats, batches } = await readFile([CLOUDTRAIL_DATA_DIR]);
    // Assess
    const kept = allFiles.filter((file) => READ_IN_DIRECTORIES.test(file));
    const sum = (pick: (stats: ReadStats) => number) => kept.reduce((total, file) => total + pick(reads.get(file)?.stats ?? createReadStats()), 0);
    expect(stats.read).toBe(stats.accepted + stats.rejected);
    expect(stats.read).toBe(sum((s) => s.read));
    expect(stats.accepted).toBe(sum((s) => s.accepted));
    expect(stats.bytesRead).toBe(sum((s) => s.bytesRead));
    expect(stats.filesRead).toBe(kept.length);
    expect(batches.filter((batch) => batch.endOfSource).map((batch) => batch.source)).toEqual(allFiles);
    expect(stats.filesSkipped).toEqual(
      allFiles
        .filter((file) => !READ_IN_DIRECTORIES.test(file) || file.endsWith('cloudtrail_digest.json'))
        .map((file) => ({ path: file, reason: READ_IN_DIRECTORIES.test(file) ? 'cloudtrail-digest' : 'unsupported-extension' })),
    );
  });

  it('reads the same records from the gzipped S3 log file as from the plain one', () => {
    // Prepare
    const plain = readOf('otel-collector-contrib/cloudtrail_log.json').batches;
    const gzipped = readOf('otel-collector-contrib/cloudtrail_log.json.gz').batches;
    const withoutSource = (batches: SourceBatch[]) => ({
      accepted: batches.flatMap((b) => b.accepted.map(({ location: { source: _source, ...location }, ...rest }) => ({ ...rest, location }))),
      rejected: batches.flatMap((b) => b.rejected.map(({ location: { source: _source, ...location }, ...rest }) => ({ ...rest, location }))),
    });
    // Assess
    expect(withoutSource(gzipped)).toEqual(withoutSource(plain));
    expect(withoutSource(plain).accepted).toHaveLength(6);
  });

  it('matches the facts of the data README', () => {
    // otrf: 103 Logstash records, eventTime removed
    expect(readOf('otrf-security-datasets/ec2_proxy_s3_exfiltration_2020-09-14011940.ndjson').stats).toMatchObject({
      read: 103,
      accepted: 0,
      rejectReasons: { 'missing-eventTime': 103 },
    });
    // stratus: 310 records in 35 JSON arrays, 309 AwsApiCall + 1 AwsConsoleSignIn
    expect(sumOf('stratus-red-team/')).toEqual({ read: 310, accepted: 310, rejectReasons: {} });
    // otel S3 delivery file: 7 records, the Insights event has no top-level eventSource
    expect(readOf('otel-collector-contrib/cloudtrail_log.json').stats).toMatchObject({ read: 7, accepted: 6, rejectReasons: { 'missing-eventSource': 1 } });
    expect(readOf('otel-collector-contrib/cloudtrail_log.json').batches.flatMap((b) => b.rejected.map((r) => r.location.path))).toEqual(['Records[3]']);
    // otel CloudWatch Logs DATA_MESSAGE: 1 record inside a JSON string
    expect(readOf('otel-collector-contrib/cloudtrail_log_cw.json').batches.flatMap((b) => b.accepted.map((a) => a.location.path))).toEqual(['logEvents[0].message']);
    // cloud-custodian: 24 CloudTrail records (10 envelopes + 14 bare, one without eventTime), 11 non-CloudTrail events, 2 Config payloads
    expect(sumOf('cloud-custodian/')).toEqual({ read: 37, accepted: 23, rejectReasons: { 'not-cloudtrail': 11, 'missing-eventTime': 3 } });
    // streamalert: 57 test wrappers, not a delivery format
    expect(sumOf('streamalert/')).toEqual({ read: 57, accepted: 0, rejectReasons: { 'missing-eventTime': 57 } });
    // panther scenarios: 27 ISO-timed records
    expect(readOf('panther-analysis/panther-scenarios.ndjson').stats).toMatchObject({ read: 27, accepted: 27 });
    expect(readOf('panther-analysis/panther-tests.ndjson').stats.read).toBe(477);
  });
});
