import { batchPartials, MergeConflictError } from '../src';
import { asJson, engineWindows } from './engine-reference';
import { type LocalStore, useFreshLocalStore } from './local-store';
import { BASE_MS, slices, trafficRecords } from './records';

describe('concurrent writers on one row', () => {
  let local: LocalStore;

  useFreshLocalStore((opened) => {
    local = opened;
  });

  it('12 writers (own store instances, own sources) merging into the same window at once lose no update', async () => {
    // Prepare: all records in one 60 s window of one series, cut into 12 batches
    const records = trafficRecords(1200, { spanMs: 50_000 }).filter((r) => r.record['recipientAccountId'] === '111111111111');
    const parts = slices(records, Math.ceil(records.length / 12));
    const writers = parts.map(() => local.openStore({ baseBackoffMs: 2, maxBackoffMs: 50 }));
    // Act
    const results = await Promise.all(
      parts.map((part, i) =>
        (writers[i] as (typeof writers)[number]).mergeBatch({ batch: { source: `shard-${i}`, sequence: 1 }, windowSeconds: 60, windows: batchPartials(part, { windowSeconds: 60 }), rollUpTo: [] }),
      ),
    );
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000 });
    // Assess
    expect(results.every((r) => r.merged === r.rows)).toBe(true);
    expect(result.windows).toHaveLength(1);
    expect(result.windows[0]?.metrics.totalCalls).toBe(records.filter((r) => r.record['eventType'] === undefined).length);
    expect(asJson(result.windows)).toEqual(asJson(engineWindows(records, 60)));
  });

  it('gives up with MergeConflictError after maxMergeAttempts lost races, and the row stays consistent', async () => {
    // Prepare: one attempt only, 8 writers on one row (one series, no aggregate): all but the first to commit may fail
    const records = trafficRecords(800, { spanMs: 50_000 }).filter((r) => r.record['recipientAccountId'] === '111111111111' && r.record['awsRegion'] === 'us-east-1');
    const parts = slices(records, Math.ceil(records.length / 8));
    // Act
    const settled = await Promise.allSettled(
      parts.map((part, i) =>
        local.openStore({ maxMergeAttempts: 1 }).mergeBatch({ batch: { source: `shard-${i}`, sequence: 1 }, windowSeconds: 60, windows: batchPartials(part, { windowSeconds: 60 }), rollUpTo: [], aggregate: false }),
      ),
    );
    const merged = parts.filter((_, i) => settled[i]?.status === 'fulfilled').flat();
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000, accounts: ['111111111111'], regions: ['us-east-1'] });
    // Assess: what the winners wrote is exactly there; the losers were told
    const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure.reason).toBeInstanceOf(MergeConflictError);
    expect(asJson(result.windows)).toEqual(asJson(engineWindows(merged, 60)));
  });
});
