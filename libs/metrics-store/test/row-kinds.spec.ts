import { batchPartials } from '../src';
import { asJson, engineWindows, withoutScore } from './engine-reference';
import { type LocalStore, useFreshLocalStore } from './local-store';
import { BASE_MS, slices, trafficRecords } from './records';

const HOUR = { fromMs: BASE_MS, toMs: BASE_MS + 3_600_000 };

describe('rowsByLength: a batch merged into some rows under one source and the rest under another', () => {
  let local: LocalStore;

  useFreshLocalStore((opened) => {
    local = opened;
  });

  it('live aggregate rows often, every other row in fewer larger batches: every query equals one pass of the engine', async () => {
    // Prepare: 6 live batches; the bulk source merges them two at a time
    const records = trafficRecords(1200, { spanMs: 170_000 });
    const parts = slices(records, 200);
    const aggregateMerged: number[] = [];
    // Act
    for (const [i, part] of parts.entries()) {
      await local.store.mergeBatch({
        batch: { source: 'live', sequence: i + 1 },
        windowSeconds: 10,
        windows: batchPartials(part, { windowSeconds: 10 }),
        rowsByLength: { 10: 'aggregate' },
        onAggregateMerged: () => aggregateMerged.push(i),
      });
      if (i % 2 === 1) {
        const both = [...(parts[i - 1] ?? []), ...part];
        await local.store.mergeBatch({ batch: { source: 'bulk', sequence: i + 1 }, windowSeconds: 10, windows: batchPartials(both, { windowSeconds: 10 }), rowsByLength: { 10: 'series', 60: 'both', 3600: 'both' } });
      }
    }
    // Assess: unfiltered and per-account windows of every length, as one engine pass computes them
    expect(aggregateMerged).toEqual([0, 1, 2, 3, 4, 5]);
    for (const windowSeconds of [10, 60, 3600]) {
      const all = await local.store.queryWindows({ windowSeconds, ...HOUR });
      expect(asJson(all.windows.map(withoutScore))).toEqual(asJson(engineWindows(records, windowSeconds).map(withoutScore)));
      const account = '111111111111';
      const filtered = await local.store.queryWindows({ windowSeconds, ...HOUR, accounts: [account] });
      const reference = engineWindows(records.filter((r) => r.record['recipientAccountId'] === account), windowSeconds);
      expect(asJson(filtered.windows.map(withoutScore))).toEqual(asJson(reference.map(withoutScore)));
    }
  });

  it('merges only the rows asked for', async () => {
    // Prepare
    const records = trafficRecords(100, { spanMs: 9_000 });
    // Act
    await local.store.mergeBatch({ batch: { source: 'live', sequence: 1 }, windowSeconds: 10, windows: batchPartials(records, { windowSeconds: 10 }), rowsByLength: { 10: 'aggregate' } });
    // Assess: the all-accounts 10 s row only
    expect((await local.store.queryWindows({ windowSeconds: 10, ...HOUR })).windows).toHaveLength(1);
    expect((await local.store.queryWindows({ windowSeconds: 10, ...HOUR, accounts: ['111111111111'] })).windows).toEqual([]);
    expect((await local.store.queryWindows({ windowSeconds: 60, ...HOUR })).windows).toEqual([]);
  });
});
