import { batchPartials } from '../src';
import { asJson, engineWindows } from './engine-reference';
import { type LocalStore, useFreshLocalStore } from './local-store';
import { BASE_MS, slices, trafficRecords } from './records';

describe('row cache (rowCacheEntries): merges skip reading rows this store wrote, never trusting them', () => {
  let local: LocalStore;

  useFreshLocalStore((opened) => {
    local = opened;
  });

  it('a cached writer interleaved with another writer and anomaly scores loses nothing and double counts nothing', async () => {
    // Prepare: one cached and one uncached writer alternate batches into the same rows, and the
    // aggregate's scores are set in between (each bumps the row version behind the cache's back)
    const records = trafficRecords(1500, { spanMs: 50_000 });
    const parts = slices(records, 150);
    const cached = local.openStore({ rowCacheEntries: 64 });
    const other = local.openStore();
    // Act
    for (const [i, part] of parts.entries()) {
      const writer = i % 3 === 2 ? other : cached;
      await writer.mergeBatch({ batch: { source: i % 3 === 2 ? 'other' : 'cached', sequence: i + 1 }, windowSeconds: 60, windows: batchPartials(part, { windowSeconds: 60 }), rollUpTo: [] });
      if (i % 4 === 1) await local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS, score: i });
    }
    // A replay of the cached writer's last batch is a no-op, decided from the cached row's watermark.
    const last = parts.length - 1 - ((parts.length - 1) % 3 === 2 ? 1 : 0);
    const replay = await cached.mergeBatch({ batch: { source: 'cached', sequence: last + 1 }, windowSeconds: 60, windows: batchPartials(parts[last] ?? [], { windowSeconds: 60 }), rollUpTo: [] });
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000 });
    // Assess: the windows equal the engine's over all records; the last score set survives the merges
    expect(replay.merged).toBe(0);
    expect(asJson(result.windows.map(({ metrics: { anomalyScore: _score, ...rest }, ...window }) => ({ ...window, metrics: rest })))).toEqual(
      asJson(engineWindows(records, 60).map(({ metrics: { anomalyScore: _score, ...rest }, ...window }) => ({ ...window, metrics: rest }))),
    );
    const lastScored = [...parts.keys()].filter((i) => i % 4 === 1).pop();
    expect(result.windows[0]?.metrics.anomalyScore).toBe(lastScored);
  });

  it('refuses a negative cache size with a named option error', () => {
    expect(() => local.openStore({ rowCacheEntries: -1 })).toThrow(/rowCacheEntries must be a whole number >= 0/);
  });
});
