import { type AcceptedRecord, judgeRecord } from '@trailpulse/event-schema';
import { batchPartials, type MetricsStore } from '@trailpulse/metrics-store';
import { syntheticRecords } from '../../test/support/synthetic-trail';
import { type SourceBatch } from '../sources';
import { flushIntentId, type FlushedGroup, WriteBehind, type WriteBehindOptions } from './write-behind';
import { useTempStores } from './testing/temp-stores';
import { lastClosableStartMs } from './window-closer';

const SOURCE = 'replay:spec';
const START_MS = Date.UTC(2024, 0, 1, 0, 0, 0);

const freshStore = useTempStores('write-behind');

/** Six batches of a deterministic trail over 2 accounts x 2 regions and several 10 s windows, as a replay yields them. */
function trailBatches(): SourceBatch[] {
  const records = syntheticRecords({ records: 1_200, startMs: START_MS, perSecond: 20 });
  return Array.from({ length: 6 }, (_, i) => ({ sourceId: SOURCE, seq: i + 1, records: records.slice(i * 200, (i + 1) * 200), position: { kind: 'spec', batch: i + 1 } }));
}

/** What the runtime did before write-behind: one store batch per source batch (the reference). */
async function mergeEachBatch(store: MetricsStore, batches: readonly SourceBatch[]): Promise<void> {
  for (const batch of batches) {
    const accepted: AcceptedRecord[] = [];
    for (const [index, raw] of batch.records.entries()) {
      const verdict = judgeRecord(raw);
      if (verdict.accepted) accepted.push({ record: verdict.record, eventTimeMs: verdict.eventTimeMs, sizeBytes: 0, location: { source: SOURCE, index } });
    }
    await store.writeBatch({ batch: { source: SOURCE, sequence: batch.seq }, windowSeconds: 10, windows: batchPartials(accepted, { windowSeconds: 10 }) }, batch.position);
  }
}

/** Every stored window of every length, for the aggregate and for each account (series rows included). */
async function storeContents(store: MetricsStore): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const windowSeconds of [10, 60, 3600]) {
    for (const accounts of [undefined, ['111122223333'], ['111122224444']]) {
      const page = await store.queryWindows({ windowSeconds, fromMs: START_MS - 3_600_000, toMs: START_MS + 7_200_000, consistentRead: true, ...(accounts === undefined ? {} : { accounts }) });
      out.push({ windowSeconds, accounts, windows: page.windows });
    }
  }
  return out;
}

function writerOptions(store: MetricsStore, flushed: FlushedGroup[], extra: Partial<WriteBehindOptions> = {}): WriteBehindOptions {
  return {
    store,
    sourceId: SOURCE,
    windowSeconds: 10,
    customMetrics: () => [],
    onFlushed: (group) => flushed.push(group),
    // Time never passes unless a test says so: merges happen only when asked or when full.
    flushIntervalMs: 60_000,
    now: () => 0,
    timer: () => () => undefined,
    ...extra,
  };
}

describe('WriteBehind', () => {
  it('merges N batches as one store batch that equals the N per-batch merges, checkpointed at the last batch', async () => {
    // Prepare
    const batches = trailBatches();
    const reference = await freshStore();
    await mergeEachBatch(reference, batches);
    const store = await freshStore();
    const flushed: FlushedGroup[] = [];
    const writer = await WriteBehind.open(writerOptions(store, flushed));
    // Act
    for (const batch of batches) await writer.add(batch);
    const beforeFlush = await store.readCheckpoint(SOURCE);
    await writer.close();
    // Assess
    expect(beforeFlush).toBeUndefined();
    expect(flushed.map((group) => [group.seq, group.batches, group.accepted, group.duplicate])).toEqual([[6, 6, 1_200, false]]);
    expect(await store.readCheckpoint(SOURCE)).toMatchObject({ position: '6', details: { kind: 'spec', batch: 6 } });
    expect(await storeContents(store)).toEqual(await storeContents(reference));
  });

  it('as engine transfers (the writer makes the partials) the store ends the same, and the transfers go on with the group', async () => {
    // Prepare
    const batches = trailBatches();
    const reference = await freshStore();
    await mergeEachBatch(reference, batches);
    const store = await freshStore();
    const flushed: FlushedGroup[] = [];
    const writer = await WriteBehind.open(writerOptions(store, flushed, { asTransfers: true }));
    // Act
    for (const batch of batches) await writer.add(batch);
    await writer.close();
    // Assess
    expect(flushed.map((group) => [group.seq, group.windows.length, (group.transfers ?? []).length > 0])).toEqual([[6, 0, true]]);
    expect(await storeContents(store)).toEqual(await storeContents(reference));
  });

  it('skips the batches up to its checkpoint (a source resumed from an older one replays them)', async () => {
    // Prepare: the first three batches merged and checkpointed by an earlier run
    const batches = trailBatches();
    const reference = await freshStore();
    await mergeEachBatch(reference, batches);
    const store = await freshStore();
    const earlier = await WriteBehind.open(writerOptions(store, []));
    for (const batch of batches.slice(0, 3)) await earlier.add(batch);
    await earlier.close();
    const flushed: FlushedGroup[] = [];
    const writer = await WriteBehind.open(writerOptions(store, flushed));
    // Act: the source replays from the beginning
    for (const batch of batches) await writer.add(batch);
    await writer.close();
    // Assess: only batches 4 to 6 were merged, and nothing is counted twice
    expect(writer.openedAtSeq).toBe(3);
    expect(flushed.map((group) => [group.seq, group.batches, group.accepted])).toEqual([[6, 3, 600]]);
    expect(await storeContents(store)).toEqual(await storeContents(reference));
  });

  it('merges when maxRecords are held, and a timer merges what is held after flushIntervalMs', async () => {
    // Prepare: 200 records per batch, at most 400 held; a timer the test fires.
    const batches = trailBatches();
    const store = await freshStore();
    const flushed: FlushedGroup[] = [];
    let clock = 0;
    let fire: (() => void) | undefined;
    const writer = await WriteBehind.open(writerOptions(store, flushed, { maxRecords: 400, flushIntervalMs: 500, now: () => clock, timer: (run) => ((fire = run), () => (fire = undefined)) }));
    // Act
    for (const batch of batches.slice(0, 5)) await writer.add(batch);
    await writer.flush(); // waits for the merges started so far, then merges batch 5
    const afterFull = flushed.map((group) => group.seq);
    await writer.add(batches[5] as SourceBatch);
    clock = 500;
    fire?.();
    await writer.close();
    // Assess
    expect(afterFull).toEqual([2, 4, 5]);
    expect(flushed.map((group) => group.seq)).toEqual([2, 4, 5, 6]);
  });

  it('closingFlush: a group that lets a window close is due sooner than one that only adds to the open window', async () => {
    // Prepare: 15 s of event time at 20 records/s; a virtual clock and timers the test fires
    const records = syntheticRecords({ records: 300, startMs: START_MS, perSecond: 20 });
    const batch = (seq: number, from: number, to: number): SourceBatch => ({ sourceId: SOURCE, seq, records: records.slice(from, to), position: { kind: 'spec', batch: seq } });
    const store = await freshStore();
    const flushed: FlushedGroup[] = [];
    let clock = 0;
    const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
    const writer = await WriteBehind.open(
      writerOptions(store, flushed, {
        flushIntervalMs: 1_000,
        closingFlush: { intervalMs: 250, lastClosableStartMs: (eventTimeMs) => lastClosableStartMs(eventTimeMs, 10_000, 2_000) },
        now: () => clock,
        timer: (run, ms) => {
          const timer = { ms, run, cancelled: false };
          timers.push(timer);
          return () => (timer.cancelled = true);
        },
      }),
    );
    const fireLast = async (count: number): Promise<void> => {
      (timers[timers.length - 1] as (typeof timers)[number]).run();
      while (flushed.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    // Act: 0-5 s (the first group: nothing taken before it, so it may close a window)
    await writer.add(batch(1, 0, 100));
    clock = 250;
    await fireLast(1);
    // 5-9 s: every window it could close (those ending by 7 s) was closable already
    clock = 300;
    await writer.add(batch(2, 100, 180));
    // 9-12.5 s: past 10 s + 2 s, so the first window may close once this is merged
    clock = 400;
    await writer.add(batch(3, 180, 250));
    await fireLast(2);
    await writer.close();
    // Assess: due after 250 ms, then 1 s, then brought forward to 250 ms after the group started
    expect(timers.map(({ ms, cancelled }) => [ms, cancelled])).toEqual([
      [250, false],
      [1_000, true],
      [150, false],
    ]);
    expect(flushed.map((group) => [group.seq, group.batches])).toEqual([
      [1, 1],
      [3, 2],
    ]);
  });

  it('replays the batches held at a crash from the checkpoint and ends with the same store', async () => {
    // Prepare: batches 1-2 merged, 3-6 held when the process dies.
    const batches = trailBatches();
    const reference = await freshStore();
    await mergeEachBatch(reference, batches);
    const store = await freshStore();
    const first = await WriteBehind.open(writerOptions(store, []));
    for (const batch of batches.slice(0, 2)) await first.add(batch);
    await first.flush();
    for (const batch of batches.slice(2)) await first.add(batch);
    // Act: the restart resumes after the checkpoint, as startFromCheckpoint does.
    const checkpoint = await store.readCheckpoint(SOURCE);
    const restarted = await WriteBehind.open(writerOptions(store, []));
    for (const batch of batches.filter((b) => b.seq > Number(checkpoint?.position))) await restarted.add(batch);
    await restarted.close();
    // Assess
    expect(checkpoint?.position).toBe('2');
    expect(await storeContents(store)).toEqual(await storeContents(reference));
  });

  it('after a crash in the middle of a merge, merges the replayed batches at the crashed sequence and counts nothing twice', async () => {
    // Prepare: the merge of batches 3-6 (sequence 6) dies after writing the 10 s rows of one account only.
    const batches = trailBatches();
    const reference = await freshStore();
    await mergeEachBatch(reference, batches);
    const store = await freshStore();
    const first = await WriteBehind.open(writerOptions(store, []));
    for (const batch of batches.slice(0, 2)) await first.add(batch);
    await first.flush();
    const crashing: MetricsStore = {
      ...store,
      writeBatch: async (input) => {
        await store.mergeBatch({ ...input, windows: input.windows.filter((w) => w.account === '111122223333'), aggregate: false, rollUpTo: [] });
        throw new Error('killed');
      },
    };
    const dying = await WriteBehind.open(writerOptions(crashing, []));
    for (const batch of batches.slice(2)) await dying.add(batch);
    await expect(dying.flush()).rejects.toThrow('killed');
    // Act: the restart replays 3-6; with at most 200 records held it would merge each batch alone.
    const restarted = await WriteBehind.open(writerOptions(store, [], { maxRecords: 200 }));
    const recovering = restarted.recovering;
    for (const batch of batches.slice(2)) await restarted.add(batch);
    await restarted.close();
    // Assess
    expect((await store.readCheckpoint(flushIntentId(SOURCE)))?.position).toBe('6');
    expect(recovering).toBe(true);
    expect(restarted.recovering).toBe(false);
    expect(await storeContents(store)).toEqual(await storeContents(reference));
  });

  it('leaves the batches held while recovering unmerged when the source stops before the crashed sequence', async () => {
    // Prepare: an intent at sequence 6 past the checkpoint (2), as a crashed merge leaves it.
    const batches = trailBatches();
    const store = await freshStore();
    await mergeEachBatch(store, batches.slice(0, 2));
    await store.advanceCheckpoint(flushIntentId(SOURCE), 6);
    const flushed: FlushedGroup[] = [];
    const writer = await WriteBehind.open(writerOptions(store, flushed));
    // Act: shutdown after batch 4.
    for (const batch of batches.slice(2, 4)) await writer.add(batch);
    await writer.close();
    // Assess: nothing merged, the next start replays 3-6 from checkpoint 2.
    expect(flushed).toEqual([]);
    expect((await store.readCheckpoint(SOURCE))?.position).toBe('2');
  });

  it('stops with a WriteBehindError naming the source when the store fails', async () => {
    // Prepare
    const store = await freshStore();
    const failing: MetricsStore = { ...store, writeBatch: () => Promise.reject(new Error('disk full')) };
    const writer = await WriteBehind.open(writerOptions(failing, []));
    await writer.add(trailBatches()[0] as SourceBatch);
    // Act
    const flushed = writer.flush();
    // Assess
    await expect(flushed).rejects.toMatchObject({ name: 'WriteBehindError', message: expect.stringContaining(SOURCE) as unknown });
    await expect(writer.add(trailBatches()[1] as SourceBatch)).rejects.toThrow('disk full');
  });
});
