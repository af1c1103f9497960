import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { judgeRecord } from '@trailpulse/event-schema';
import { InputPathError } from '@trailpulse/event-schema/node';
import { SourcePositionError } from '../source-errors';
import { type SourceBatch } from '../source';
import { collectBatches, countReasons, readWithReaders } from '../testing/collect';
import { CLOUDTRAIL_DATA_DIR } from '../testing/shared-data';
import { VirtualScheduler } from '../testing/virtual-scheduler';
import { ReplaySource } from './replay-source';
import { parseReplaySpeed } from './replay-speed';

const corpora = readdirSync(CLOUDTRAIL_DATA_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const corpus = (name: string): string => path.join(CLOUDTRAIL_DATA_DIR, name);

let tempDir: string;
beforeEach(() => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'trailpulse-replay-'));
});
afterEach(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

function ndjson(name: string, records: readonly object[]): string {
  const file = path.join(tempDir, name);
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  return file;
}

function apiCall(eventTime: string, eventName = 'DescribeInstances'): object {
  return { eventTime, eventSource: 'ec2.amazonaws.com', eventName, eventType: 'AwsApiCall', awsRegion: 'us-east-1' };
}

/** The fields that must survive a restart unchanged: batch id and contents. */
function identity(batches: readonly SourceBatch[]): { seq: number; records: readonly unknown[]; rejects: unknown; position: unknown }[] {
  return batches.map((batch) => ({ seq: batch.seq, records: batch.records, rejects: batch.rejects?.map((r) => r.reason), position: batch.position }));
}

describe('ReplaySource over the shared corpora', () => {
  it('finds the corpora', () => {
    expect(corpora.length).toBeGreaterThanOrEqual(6);
  });

  it.each([...corpora, '.'])('%s: yields exactly the records, reject reasons and skips that event-schema readers yield, in order', async (name) => {
    // Prepare
    const paths = [corpus(name)];
    const reference = await readWithReaders(paths);
    // Act
    const batches = await collectBatches(new ReplaySource({ paths }));
    // Assess
    expect(batches.flatMap((batch) => batch.records)).toEqual(reference.records);
    expect(countReasons(batches.flatMap((batch) => batch.rejects ?? []))).toEqual({ ...reference.stats.rejectReasons });
    expect(batches.flatMap((batch) => batch.skipped ?? []).map((skip) => ({ path: skip.location.source, reason: skip.reason }))).toEqual(reference.stats.filesSkipped);
    expect(batches.map((batch) => batch.seq)).toEqual(batches.map((_, index) => index));
    for (const record of batches.flatMap((batch) => batch.records)) expect(judgeRecord(record).accepted).toBe(true);
  });

  it('replays plain and gzipped S3 files alike', async () => {
    // Prepare
    const plain = path.join(corpus('otel-collector-contrib'), 'cloudtrail_log.json');
    // Act
    const fromPlain = await collectBatches(new ReplaySource({ paths: [plain] }));
    const fromGzip = await collectBatches(new ReplaySource({ paths: [`${plain}.gz`] }));
    // Assess
    expect(fromGzip.flatMap((batch) => batch.records)).toEqual(fromPlain.flatMap((batch) => batch.records));
    expect(fromGzip.flatMap((batch) => batch.records).length).toBeGreaterThan(0);
  });

  it('is stable: two runs with the same arguments give the same seqs, records and positions', async () => {
    // Prepare
    const paths = [CLOUDTRAIL_DATA_DIR];
    const batchLimits = { maxRecords: 25 };
    // Act
    const first = await collectBatches(new ReplaySource({ paths, batchLimits }));
    const second = await collectBatches(new ReplaySource({ paths, batchLimits }));
    // Assess
    expect(identity(second)).toEqual(identity(first));
    expect(first.length).toBeGreaterThan(40);
  });
});

describe('ReplaySource batches', () => {
  it('cuts batches at maxRecords, at an event-time span and at the end of each file, never across files', async () => {
    // Prepare: file a has 5 records in one second then one 2 s later; file b has 1 record.
    const a = ndjson('a.ndjson', [0, 0, 0, 0, 0].map(() => apiCall('2024-01-01T00:00:00Z')).concat([apiCall('2024-01-01T00:00:02Z')]));
    const b = ndjson('b.ndjson', [apiCall('2024-01-01T00:00:02Z')]);
    // Act
    const batches = await collectBatches(new ReplaySource({ paths: [a, b], batchLimits: { maxRecords: 3, maxEventSpanMs: 1000 } }));
    // Assess
    expect(batches.map((batch) => batch.records.length)).toEqual([3, 2, 1, 1]);
    expect(batches.map((batch) => batch.position)).toEqual([
      { kind: 'replay', fileIndex: 0, file: a, recordIndex: 3, nextSeq: 1 },
      { kind: 'replay', fileIndex: 0, file: a, recordIndex: 5, nextSeq: 2 },
      { kind: 'replay', fileIndex: 1, file: b, recordIndex: 0, nextSeq: 3 },
      { kind: 'replay', fileIndex: 2, file: null, recordIndex: 0, nextSeq: 4 },
    ]);
  });

  it('hands rejected records over with their reason and location, in the batch of their position', async () => {
    // Prepare
    const file = path.join(tempDir, 'mixed.ndjson');
    writeFileSync(file, [JSON.stringify(apiCall('2024-01-01T00:00:00Z')), '{not json', JSON.stringify({ eventSource: 'x' }), JSON.stringify(apiCall('2024-01-01T00:00:00Z'))].join('\n'));
    // Act
    const batches = await collectBatches(new ReplaySource({ paths: [file], batchLimits: { maxRecords: 2 } }));
    // Assess
    expect(batches.map((batch) => [batch.records.length, batch.rejects?.map((r) => [r.reason, r.location.line])])).toEqual([
      [1, [['invalid-json', 2]]],
      [1, [['missing-eventTime', 3]]],
    ]);
  });

  it('refuses a path that does not exist before yielding anything', async () => {
    // Act
    const run = collectBatches(new ReplaySource({ paths: [path.join(tempDir, 'missing.json')] }));
    // Assess
    await expect(run).rejects.toBeInstanceOf(InputPathError);
  });
});

/** Every batch index for short runs; 16 spread over the run (first and last included) for long ones: re-reading is slow. */
function resumePoints(count: number): number[] {
  const wanted = 16;
  if (count <= wanted) return [...Array(count).keys()];
  return [...new Set([...Array(wanted).keys()].map((i) => Math.round((i * (count - 1)) / (wanted - 1))))];
}

describe('ReplaySource resume', () => {
  it.each([
    ['stratus-red-team (35 JSON files)', 'stratus-red-team', 9],
    ['otel-collector-contrib (gzip, CloudWatch, digest)', 'otel-collector-contrib', 2],
    ['panther-analysis (NDJSON with rejects)', 'panther-analysis', 40],
  ])('%s: resuming after a batch (every one, or 16 spread over a long run) yields the remainder with the same seqs as an uninterrupted run', async (_name, dir, maxRecords) => {
    // Prepare
    const paths = [corpus(dir)];
    const batchLimits = { maxRecords };
    const uninterrupted = await collectBatches(new ReplaySource({ paths, batchLimits }));
    expect(uninterrupted.length).toBeGreaterThan(3);
    for (const k of resumePoints(uninterrupted.length)) {
      // Act
      const resumed = await collectBatches(new ReplaySource({ paths, batchLimits }), { from: uninterrupted[k]?.position ?? {} });
      // Assess
      expect(identity(resumed)).toEqual(identity(uninterrupted.slice(k + 1)));
    }
  });

  it('a crash between merging a batch and checkpointing it neither loses nor double counts a record when merges are idempotent by batch id', async () => {
    // Prepare: a store keyed by (sourceId, seq) as the runtime's is; the "crash" happens after merging batch 7
    // while the last checkpoint is batch 4's.
    const paths = [corpus('stratus-red-team')];
    const batchLimits = { maxRecords: 10 };
    const merged = new Map<string, number>();
    const merge = (batch: SourceBatch): void => {
      merged.set(`${batch.sourceId}/${batch.seq}`, batch.records.length);
    };
    const beforeCrash = await collectBatches(new ReplaySource({ paths, batchLimits }), {}, 8);
    beforeCrash.forEach(merge);
    const checkpoint = beforeCrash[4]?.position;
    // Act
    const afterRestart = await collectBatches(new ReplaySource({ paths, batchLimits }), checkpoint === undefined ? {} : { from: checkpoint });
    afterRestart.forEach(merge);
    // Assess
    const reference = await readWithReaders(paths);
    expect([...merged.values()].reduce((sum, n) => sum + n, 0)).toBe(reference.records.length);
  });

  it('refuses a checkpoint taken on other inputs, naming the file', async () => {
    // Prepare
    const a = ndjson('a.ndjson', [apiCall('2024-01-01T00:00:00Z')]);
    const b = ndjson('b.ndjson', [apiCall('2024-01-01T00:00:00Z')]);
    const [batch] = await collectBatches(new ReplaySource({ paths: [a, b] }), {}, 1);
    // Act
    const run = collectBatches(new ReplaySource({ paths: [b, a] }), { from: batch?.position ?? {} });
    // Assess
    await expect(run).rejects.toThrow(SourcePositionError);
    await expect(run).rejects.toThrow(/a\.ndjson/);
  });

  it('refuses a checkpoint that is not a replay position', async () => {
    // Prepare
    const a = ndjson('a.ndjson', [apiCall('2024-01-01T00:00:00Z')]);
    // Act
    const run = collectBatches(new ReplaySource({ paths: [a] }), { from: { kind: 'replay', fileIndex: -1 } });
    // Assess
    await expect(run).rejects.toThrow(/not a replay position/);
  });
});

describe('ReplaySource speed', () => {
  it('at 10x sleeps one tenth of each event-time gap between batches', async () => {
    // Prepare: gaps of 10 s and 20 s.
    const file = ndjson('paced.ndjson', [apiCall('2024-01-01T00:00:00Z'), apiCall('2024-01-01T00:00:10Z'), apiCall('2024-01-01T00:00:30Z')]);
    const scheduler = new VirtualScheduler({ startMs: 1_000_000 });
    // Act
    const batches = await collectBatches(new ReplaySource({ paths: [file], speed: parseReplaySpeed('10x'), scheduler }));
    // Assess
    expect(batches).toHaveLength(3);
    expect(scheduler.sleeps).toEqual([1000, 2000]);
  });

  it('at 1x hands each batch over when the clock has advanced by its event-time distance from the first (stratus-red-team)', async () => {
    // Prepare
    const startMs = 5_000;
    const scheduler = new VirtualScheduler({ startMs });
    const source = new ReplaySource({ paths: [corpus('stratus-red-team/detonation-logs/aws.execution.ec2-launch-unusual-instances.json')], speed: parseReplaySpeed('1x'), scheduler });
    // Act
    const handedOver: { nowMs: number; maxEventMs: number }[] = [];
    for await (const batch of source.start()) {
      const times = batch.records.map((record) => {
        const verdict = judgeRecord(record);
        return verdict.accepted ? verdict.eventTimeMs : Number.NaN;
      });
      handedOver.push({ nowMs: scheduler.now(), maxEventMs: Math.max(...times) });
    }
    // Assess
    expect(handedOver.length).toBeGreaterThan(2);
    let runningMax = Number.NEGATIVE_INFINITY;
    const originEventMs = handedOver[0]?.maxEventMs ?? 0;
    for (const { nowMs, maxEventMs } of handedOver) {
      runningMax = Math.max(runningMax, maxEventMs);
      expect(nowMs).toBe(startMs + (runningMax - originEventMs));
    }
  });

  it('at max never sleeps', async () => {
    // Prepare
    const scheduler = new VirtualScheduler({ startMs: 0 });
    // Act
    await collectBatches(new ReplaySource({ paths: [corpus('stratus-red-team')], scheduler }));
    // Assess
    expect(scheduler.sleeps).toEqual([]);
  });

  it('stops during a pacing sleep when the signal aborts, with the position of the last batch handed over', async () => {
    // Prepare
    const file = ndjson('paced.ndjson', [apiCall('2024-01-01T00:00:00Z'), apiCall('2024-01-01T01:00:00Z')]);
    const controller = new AbortController();
    const scheduler = new VirtualScheduler({ startMs: 0, beforeWake: () => controller.abort() });
    const source = new ReplaySource({ paths: [file], speed: parseReplaySpeed('1x'), scheduler });
    // Act
    const batches = await collectBatches(source, { signal: controller.signal });
    // Assess
    expect(batches).toHaveLength(1);
    expect(source.position()).toEqual(batches[0]?.position);
  });
});
