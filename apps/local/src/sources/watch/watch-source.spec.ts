import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type SourceBatch, type StartOptions } from '../source';
import { countReasons, readWithReaders } from '../testing/collect';
import { CLOUDTRAIL_DATA_DIR } from '../testing/shared-data';
import { VirtualScheduler } from '../testing/virtual-scheduler';
import { WatchDirectoryError, WatchSource, type WatchSourceOptions } from './watch-source';

const POLL_MS = 2000;
const START_MS = 1_700_000_000_000;
const stratusFile = path.join(CLOUDTRAIL_DATA_DIR, 'stratus-red-team/detonation-logs/aws.defense-evasion.cloudtrail-stop.json');
const otelGzip = path.join(CLOUDTRAIL_DATA_DIR, 'otel-collector-contrib/cloudtrail_log.json.gz');
const otelDigest = path.join(CLOUDTRAIL_DATA_DIR, 'otel-collector-contrib/cloudtrail_digest.json');
const lateralMovement = path.join(CLOUDTRAIL_DATA_DIR, 'stratus-red-team/detonation-logs/aws.lateral-movement.ec2-instance-connect.json');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'trailpulse-watch-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Handed {
  readonly atMs: number;
  readonly batch: SourceBatch;
}

/**
 * Runs a watch source for `polls` polls on virtual time; `between(poll)` runs after poll `poll` (0-based)
 * and before the next one, the place to write files.
 */
async function watchFor(polls: number, options: Partial<WatchSourceOptions> & { between?: (poll: number) => void; start?: Omit<StartOptions, 'signal'> } = {}): Promise<Handed[]> {
  const controller = new AbortController();
  const scheduler = new VirtualScheduler({
    startMs: START_MS,
    beforeWake: (_now, sleepIndex) => {
      if (sleepIndex + 1 >= polls) controller.abort();
      else options.between?.(sleepIndex);
    },
  });
  const { between: _between, start, ...sourceOptions } = options;
  const source = new WatchSource({ dir, pollIntervalMs: POLL_MS, scheduler, ...sourceOptions });
  const handed: Handed[] = [];
  for await (const batch of source.start({ ...start, signal: controller.signal })) handed.push({ atMs: scheduler.now(), batch });
  return handed;
}

function records(handed: readonly Handed[]): unknown[] {
  return handed.flatMap(({ batch }) => batch.records);
}

function identity(handed: readonly Handed[]): unknown[] {
  return handed.map(({ batch }) => ({ seq: batch.seq, records: batch.records, position: batch.position }));
}

describe('WatchSource', () => {
  it('reads a file written in two steps only once it is complete, and never twice', async () => {
    // Prepare: the file appears half written after poll 0 and is completed after poll 1.
    const bytes = readFileSync(stratusFile);
    const half = Math.floor(bytes.length / 2);
    const target = path.join(dir, 'trail.json');
    const reference = await readWithReaders([stratusFile]);
    // Act
    const handed = await watchFor(10, {
      between: (poll) => {
        if (poll === 0) writeFileSync(target, bytes.subarray(0, half));
        if (poll === 1) appendFileSync(target, bytes.subarray(half));
      },
    });
    // Assess: poll 2 sees the final size for the first time, poll 3 confirms it.
    expect(records(handed)).toEqual(reference.records);
    expect(handed.flatMap(({ batch }) => batch.rejects ?? [])).toEqual([]);
    expect(new Set(handed.map(({ atMs }) => atMs))).toEqual(new Set([START_MS + 3 * POLL_MS]));
  });

  it('reads CloudTrail S3 layout folders recursively, as the readers read the folder, skipping other files silently', async () => {
    // Prepare
    const regionDir = path.join(dir, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2024', '08', '01');
    const digestDir = path.join(dir, 'AWSLogs', '111122223333', 'CloudTrail-Digest', 'us-east-1', '2024', '08', '01');
    mkdirSync(regionDir, { recursive: true });
    mkdirSync(digestDir, { recursive: true });
    copyFileSync(otelGzip, path.join(regionDir, '111122223333_CloudTrail_us-east-1_20240801T0000Z_a.json.gz'));
    copyFileSync(stratusFile, path.join(regionDir, '111122223333_CloudTrail_us-east-1_20240801T0005Z_b.json'));
    copyFileSync(otelDigest, path.join(digestDir, '111122223333_CloudTrail-Digest_us-east-1_20240801T0100Z.json'));
    writeFileSync(path.join(dir, 'README.txt'), 'not CloudTrail');
    const reference = await readWithReaders([dir]);
    // Act
    const handed = await watchFor(4);
    // Assess
    expect(records(handed)).toEqual(reference.records);
    expect(records(handed).length).toBeGreaterThan(0);
    expect(countReasons(handed.flatMap(({ batch }) => batch.rejects ?? []))).toEqual({ ...reference.stats.rejectReasons });
    expect(handed.flatMap(({ batch }) => batch.skipped ?? []).map((skip) => skip.reason)).toEqual(['cloudtrail-digest']);
    expect(handed.map(({ batch }) => batch.seq)).toEqual(handed.map((_, index) => index));
  });

  it('reads files that arrive later, and does not read again a file that changes or reappears after it was read', async () => {
    // Prepare
    const first = path.join(dir, 'a.json');
    copyFileSync(stratusFile, first);
    const reference = await readWithReaders([stratusFile, lateralMovement]);
    // Act
    const handed = await watchFor(12, {
      between: (poll) => {
        if (poll === 3) copyFileSync(lateralMovement, path.join(dir, 'b.json'));
        if (poll === 6) appendFileSync(first, '\n');
        if (poll === 8) {
          rmSync(first);
          copyFileSync(stratusFile, first);
        }
      },
    });
    // Assess
    expect(records(handed)).toEqual(reference.records);
  });

  it('waits for an empty file to get content', async () => {
    // Prepare
    const target = path.join(dir, 'later.ndjson');
    writeFileSync(target, '');
    // Act
    const handed = await watchFor(8, {
      between: (poll) => {
        if (poll === 4) writeFileSync(target, `${JSON.stringify({ eventTime: '2024-01-01T00:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'ListBuckets' })}\n`);
      },
    });
    // Assess
    expect(records(handed)).toHaveLength(1);
    expect(handed[0]?.atMs).toBe(START_MS + 6 * POLL_MS);
  });

  it('resuming after any batch yields the remainder with the same seqs as an uninterrupted run', async () => {
    // Prepare
    copyFileSync(stratusFile, path.join(dir, 'a.json'));
    copyFileSync(otelGzip, path.join(dir, 'b.json.gz'));
    copyFileSync(lateralMovement, path.join(dir, 'c.json'));
    const batchLimits = { maxRecords: 2 };
    const uninterrupted = await watchFor(4, { batchLimits });
    expect(uninterrupted.length).toBeGreaterThan(5);
    for (let k = 0; k < uninterrupted.length; k++) {
      // Act
      const resumed = await watchFor(4, { batchLimits, start: { from: uninterrupted[k]?.batch.position ?? {} } });
      // Assess
      expect(identity(resumed)).toEqual(identity(uninterrupted.slice(k + 1)));
    }
  });

  it('refuses a folder that does not exist, and a checkpoint that is not a watch position', async () => {
    // Act
    const missing = watchFor(2, { dir: path.join(dir, 'missing') });
    const badCheckpoint = watchFor(2, { start: { from: { kind: 'replay' } } });
    // Assess
    await expect(missing).rejects.toBeInstanceOf(WatchDirectoryError);
    await expect(missing).rejects.toThrow(/--watch folder .*missing cannot be read/);
    await expect(badCheckpoint).rejects.toThrow(/not a watch position/);
  });
});
