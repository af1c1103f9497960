import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SourceBatch } from '../source';
import { IngestJournal } from './ingest-journal';
import { VirtualScheduler } from '../testing/virtual-scheduler';
import { DEFAULT_MAX_QUEUE_WAIT_MS, IngestQueueFullError, type ParsedBody, type PushedBody, PushSource } from './push-source';

describe('PushSource (HTTP ingest)', () => {
  it('hands pushed records over in order, with seqs from the clock that never repeat, even after a restart', async () => {
    // Prepare
    const scheduler = new VirtualScheduler({ startMs: 1_700_000_000_000 });
    const source = new PushSource({ scheduler });
    await source.push([{ a: 1 }]);
    await source.push([{ a: 2 }, { a: 3 }]);
    // Act
    const seen = [];
    for await (const batch of source.start()) {
      seen.push(batch);
      if (seen.length === 2) break;
    }
    // A restart from the last batch's checkpoint, with the clock not moved: seqs still move on.
    const restarted = new PushSource({ scheduler });
    restarted.resumeAfter(seen[1]?.seq ?? 0);
    await restarted.push([{ a: 4 }]);
    const [after] = await (async () => {
      for await (const batch of restarted.start({ from: seen[1]?.position ?? {} })) return [batch];
      return [];
    })();
    // Assess
    expect(seen.map((batch) => batch.records)).toEqual([[{ a: 1 }], [{ a: 2 }, { a: 3 }]]);
    expect(seen[0]?.seq).toBe(1_700_000_000_000_000);
    expect(seen[1]?.seq).toBe(1_700_000_000_000_001);
    expect(after?.seq).toBe(1_700_000_000_000_002);
  });

  it('waits for records, and ends when the signal aborts', async () => {
    // Prepare
    const source = new PushSource();
    const controller = new AbortController();
    const iterator = source.start({ signal: controller.signal })[Symbol.asyncIterator]();
    // Act
    const first = iterator.next();
    await source.push([{ late: true }]);
    const firstBatch = await first;
    const second = iterator.next();
    controller.abort();
    // Assess
    expect(firstBatch.value?.records).toEqual([{ late: true }]);
    expect((await second).done).toBe(true);
  });

  it('refuses a push at once when the queue is full and no wait is allowed, so the handler can answer 429', async () => {
    // Prepare
    const source = new PushSource({ maxQueuedBatches: 2, maxQueueWaitMs: 0 });
    await source.push([]);
    await source.push([]);
    // Act / Assess
    await expect(source.push([])).rejects.toThrow(IngestQueueFullError);
  });

  it('makes a push wait while the queue is full and lets it in, in arrival order, when the pipeline takes a batch', async () => {
    // Prepare: a wait that never runs out (it ends only when given up)
    const scheduler = { now: () => 1_700_000_000_000, sleep: (_ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve())) };
    const source = new PushSource({ scheduler, maxQueuedBatches: 1 });
    await source.push([{ n: 1 }]);
    let secondIn = false;
    const second = source.push([{ n: 2 }]).then(() => (secondIn = true));
    const third = source.push([{ n: 3 }]);
    await new Promise((resolve) => setImmediate(resolve));
    const waitedWhileFull = !secondIn;
    // Act: the pipeline takes the batches one by one
    const seen: unknown[] = [];
    for await (const batch of source.start()) {
      seen.push(...batch.records);
      if (seen.length === 3) break;
    }
    await Promise.all([second, third]);
    // Assess
    expect(waitedWhileFull).toBe(true);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('refuses a waiting push at once when the source stops (no one will take a batch any more)', async () => {
    // Prepare: a full queue, a push waiting on a wait that never runs out by itself
    const scheduler = { now: () => 1_700_000_000_000, sleep: (_ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve())) };
    const source = new PushSource({ scheduler, maxQueuedBatches: 1 });
    const controller = new AbortController();
    const iterator = source.start({ signal: controller.signal })[Symbol.asyncIterator]();
    await source.push([{ n: 1 }]);
    const second = source.push([{ n: 2 }]);
    // Act: the pipeline takes n: 1 (n: 2 is let in), n: 3 waits behind n: 2, then the source stops
    const first = await iterator.next();
    await second;
    const third = source.push([{ n: 3 }]);
    controller.abort();
    const end = await iterator.next();
    // Assess
    expect(first.value?.records).toEqual([{ n: 1 }]);
    expect(end.done).toBe(true);
    await expect(third).rejects.toThrow(/stopping/);
    await expect(source.push([{ n: 4 }])).rejects.toThrow(/stopping/);
  });

  it('counts records too: a queue of few large requests is full, though one request is always let in', async () => {
    // Prepare
    const scheduler = new VirtualScheduler({ startMs: 0 });
    const source = new PushSource({ scheduler, maxQueuedRecords: 3 });
    // Act: one request over the bound is let in (an empty queue takes anything), the next one is not
    await source.push([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }]);
    const refused = source.push([{ b: 1 }]);
    // Assess: it waited the default 10 s (virtual) for room, then was refused
    await expect(refused).rejects.toThrow(IngestQueueFullError);
    expect(scheduler.sleeps).toEqual([DEFAULT_MAX_QUEUE_WAIT_MS]);
  });

  describe('with a journal', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'tp-push-journal-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const scheduler = new VirtualScheduler({ startMs: 1_700_000_000_000 });
    /** The journaled body's lines as records (the runtime uses the ingest route's parser). */
    const parse = async ({ chunks }: PushedBody): Promise<ParsedBody> => ({
      records: Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown),
      scanned: [],
    });
    const body = (...records: object[]): PushedBody => ({ format: 'ndjson', chunks: [Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'))] });
    async function take(source: PushSource, count: number, from?: SourceBatch['position']): Promise<SourceBatch[]> {
      const seen: SourceBatch[] = [];
      if (count === 0) return seen;
      for await (const batch of source.start(from === undefined ? {} : { from })) {
        seen.push(batch);
        if (seen.length === count) break;
      }
      return seen;
    }

    it('hands the requests answered before a crash over again after the checkpoint, with their seqs, then new ones above them', async () => {
      // Prepare: three requests answered (push resolved), the first merged (its position checkpointed), then a crash
      const journal = await IngestJournal.open(dir);
      const before = new PushSource({ scheduler, journal, parse });
      await before.push([{ n: 1 }], [], [], body({ n: 1 }));
      await before.push([{ n: 2 }], [], [], body({ n: 2 }));
      await before.push([{ n: 3 }], [], [], body({ n: 3 }));
      const [first] = await take(before, 1);
      // Act: a new process on the same journal, resumed from the first request's checkpoint
      const after = new PushSource({ scheduler, journal: await IngestJournal.open(dir), parse });
      after.resumeAfter(first?.seq ?? 0);
      await after.push([{ n: 4 }], [], [], body({ n: 4 }));
      const seen = await take(after, 3, first?.position);
      // Assess
      expect(first?.seq).toBe(1_700_000_000_000_000);
      expect(seen.map((batch) => [batch.seq, batch.records])).toEqual([
        [1_700_000_000_000_001, [{ n: 2 }]],
        [1_700_000_000_000_002, [{ n: 3 }]],
        [1_700_000_000_000_003, [{ n: 4 }]],
      ]);
    });

    it('queues nothing when the journal cannot be written, so the request fails as a whole', async () => {
      // Prepare
      const broken = Object.assign(await IngestJournal.open(dir), { append: () => Promise.reject(new Error('no space left on device')) });
      const source = new PushSource({ scheduler, journal: broken, parse });
      // Act / Assess
      await expect(source.push([{ n: 1 }], [], [], body({ n: 1 }))).rejects.toThrow(/no space/);
      await source.push([{ n: 2 }]);
      expect((await take(source, 1)).map((batch) => batch.records)).toEqual([[{ n: 2 }]]);
    });

    it('refuses a journal without a parser for recovery', async () => {
      expect(() => new PushSource({ journal: {} as IngestJournal })).toThrow(/needs parse/);
    });
  });
});
