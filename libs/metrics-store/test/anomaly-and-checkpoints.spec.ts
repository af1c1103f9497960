import { batchPartials, StoreInputError } from '../src';
import { type LocalStore, useFreshLocalStore } from './local-store';
import { BASE_MS, trafficRecords } from './records';

describe('anomaly scores and checkpoints', () => {
  let local: LocalStore;

  useFreshLocalStore(async (opened) => {
    local = opened;
    const records = trafficRecords(600, { spanMs: 120_000 });
    await local.store.mergeBatch({ batch: { source: 'test', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }), rollUpTo: [] });
  });

  it('returns the stored score of the series a query reads: the aggregate unfiltered, one series for one account and region, the largest when it merges several', async () => {
    // Prepare
    const range = { windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000 };
    await local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS, score: 1.5 });
    await local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS, account: '111111111111', region: 'us-east-1', score: 4.25 });
    await local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS, account: '111111111111', region: 'eu-west-1', score: 0.5 });
    // Act
    const all = await local.store.queryWindows(range);
    const one = await local.store.queryWindows({ ...range, accounts: ['111111111111'], regions: ['eu-west-1'] });
    const account = await local.store.queryWindows({ ...range, accounts: ['111111111111'] });
    const unscored = await local.store.queryWindows({ ...range, accounts: ['222222222222'] });
    // Assess
    expect(all.windows[0]?.metrics.anomalyScore).toBe(1.5);
    expect(one.windows[0]?.metrics.anomalyScore).toBe(0.5);
    expect(account.windows[0]?.metrics.anomalyScore).toBe(4.25);
    expect(unscored.windows[0]?.metrics.anomalyScore).toBe(0);
  });

  it('a score survives later merges into its row, and a score set before any merge waits for the partial', async () => {
    // Prepare
    await local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS, score: 2 });
    await local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS + 300_000, score: 3 });
    const later = trafficRecords(300, { spanMs: 360_000 });
    // Act
    const scoreOnly = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS + 300_000, toMs: BASE_MS + 360_000 });
    await local.store.mergeBatch({ batch: { source: 'test', sequence: 2 }, windowSeconds: 60, windows: batchPartials(later, { windowSeconds: 60 }), rollUpTo: [] });
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 360_000 });
    // Assess
    expect(scoreOnly.windows).toEqual([]);
    expect(result.windows.map((w) => w.metrics.anomalyScore)).toEqual([2, 0, 0, 0, 0, 3]);
  });

  it('refuses a score that is not a finite number >= 0', async () => {
    await expect(local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS, score: Number.NaN })).rejects.toThrow(StoreInputError);
    await expect(local.store.setAnomalyScore({ windowSeconds: 60, startMs: BASE_MS, score: -1 })).rejects.toThrow(StoreInputError);
  });

  it('a checkpoint only moves forward, keeps its details, and compares positions as numbers of any size', async () => {
    // Act
    const first = await local.store.advanceCheckpoint('replay:abc', '99', { file: 'a.json', offset: 99 });
    const bigger = await local.store.advanceCheckpoint('replay:abc', '100', { file: 'b.json', offset: 0 });
    const back = await local.store.advanceCheckpoint('replay:abc', 99);
    const same = await local.store.advanceCheckpoint('replay:abc', 100n);
    const stored = await local.store.readCheckpoint('replay:abc');
    await local.store.deleteCheckpoint('replay:abc');
    // Assess
    expect([first, bigger, back, same]).toEqual([true, true, false, false]);
    expect(stored).toMatchObject({ source: 'replay:abc', position: '100', details: { file: 'b.json', offset: 0 } });
    expect(await local.store.readCheckpoint('replay:abc')).toBeUndefined();
    await expect(local.store.advanceCheckpoint('replay:abc', -1)).rejects.toThrow(StoreInputError);
  });

  it('writeBatch merges and then moves the checkpoint to the batch sequence', async () => {
    // Act
    await local.store.writeBatch({ batch: { source: 'replay:w', sequence: 42 }, windowSeconds: 60, windows: batchPartials(trafficRecords(10), { windowSeconds: 60 }), rollUpTo: [] }, { file: 'x' });
    // Assess
    expect(await local.store.readCheckpoint('replay:w')).toMatchObject({ position: '42', details: { file: 'x' } });
  });
});
