import { type CompiledCustomMetricDefinition, createEngine } from '@trailpulse/analytics';
import { type AcceptedRecord } from '@trailpulse/event-schema';
import { seriesOf, type SeriesEngineTransfer, StoreInputError } from '../src';
import { testCustomMetrics } from './custom-metrics';
import { asJson, engineWindows, withoutScore } from './engine-reference';
import { type LocalStore, useFreshLocalStore } from './local-store';
import { BASE_MS, slices, trafficRecords } from './records';

/** One engine per (account, region), as the local runtime's accumulator runs them, handed over. */
function transfersOf(records: readonly AcceptedRecord[], customMetrics: readonly CompiledCustomMetricDefinition[], sketchCapacity?: number): SeriesEngineTransfer[] {
  const engines = new Map<string, { account: string; region: string; engine: ReturnType<typeof createEngine> }>();
  for (const record of records) {
    const { account, region } = seriesOf(record.record);
    const key = `${account}/${region}`;
    let entry = engines.get(key);
    if (entry === undefined) {
      entry = { account, region, engine: createEngine({ windowSeconds: 10, customMetrics, ...(sketchCapacity === undefined ? {} : { sketchCapacity }) }) };
      engines.set(key, entry);
    }
    entry.engine.add(record);
  }
  return [...engines.values()].map(({ account, region, engine }) => ({ account, region, transfer: engine.transfer() }));
}

describe('merging engine transfers (MergeBatchInput.transfers): the same rows as the partials they stand for', () => {
  let local: LocalStore;

  useFreshLocalStore((opened) => {
    local = opened;
  });

  it('batches of transfers, rolled up and per series, equal one engine run over every record, custom metrics included', async () => {
    // Prepare: 10 minutes of traffic over 3 accounts and 2 regions, in 6 batches
    const metrics = testCustomMetrics();
    const records = trafficRecords(1800, { spanMs: 600_000, ips: 40 });
    const store = local.openStore({ rowCacheEntries: 256 });
    // Act
    for (const [i, batch] of slices(records, 300).entries()) {
      await store.mergeBatch({ batch: { source: 'transfers', sequence: i + 1 }, windowSeconds: 10, windows: [], transfers: transfersOf(batch, metrics), customMetrics: metrics });
    }
    // Assess: every length, all accounts and one series, against the engine
    for (const seconds of [10, 60, 3600]) {
      const all = await local.store.queryWindows({ windowSeconds: seconds, fromMs: BASE_MS, toMs: BASE_MS + 3_600_000, customMetrics: metrics });
      expect(asJson(all.windows.map(withoutScore))).toEqual(asJson(engineWindows(records, seconds, metrics)));
      const one = await local.store.queryWindows({ windowSeconds: seconds, fromMs: BASE_MS, toMs: BASE_MS + 3_600_000, accounts: ['222222222222'], regions: ['eu-west-1'], customMetrics: metrics });
      const ofSeries = records.filter((r) => r.record['recipientAccountId'] === '222222222222' && r.record['awsRegion'] === 'eu-west-1');
      expect(asJson(one.windows.map(withoutScore))).toEqual(asJson(engineWindows(ofSeries, seconds, metrics)));
    }
  });

  it('six batches merging into the same rows at once through one cached store lose nothing and count nothing twice', async () => {
    // Prepare: six sources over the same minute, the rows cached by a first batch
    const records = trafficRecords(1800, { spanMs: 50_000 });
    const [first = [], ...others] = slices(records, 300);
    const store = local.openStore({ rowCacheEntries: 64, baseBackoffMs: 1, maxBackoffMs: 20, maxMergeAttempts: 50 });
    await store.mergeBatch({ batch: { source: 's0', sequence: 1 }, windowSeconds: 10, windows: [], transfers: transfersOf(first, []) });
    // Act: the others at once (each merge takes the row it merges into out of the cache)
    await Promise.all(others.map((part, i) => store.mergeBatch({ batch: { source: `s${i + 1}`, sequence: 1 }, windowSeconds: 10, windows: [], transfers: transfersOf(part, []) })));
    // Assess
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000 });
    expect(asJson(result.windows.map(withoutScore))).toEqual(asJson(engineWindows(records, 60)));
  });

  it('a merge holds its cached row alone: another merge into the row meanwhile reads it from the table, not the copy being merged into', async () => {
    // Prepare: rows cached by a first batch; then source a's row write is held back at the table
    // while source b merges into the same rows and commits first
    const records = trafficRecords(900, { spanMs: 50_000 }).filter((r) => r.record['recipientAccountId'] === '111111111111' && r.record['awsRegion'] === 'us-east-1');
    const [first, ofA, ofB] = [0, 1, 2].map((part) => records.filter((_, i) => i % 3 === part)) as [AcceptedRecord[], AcceptedRecord[], AcceptedRecord[]];
    const store = local.openStore({ rowCacheEntries: 64, baseBackoffMs: 1, maxBackoffMs: 5 });
    const row = { windowSeconds: 10, windows: [], rowsByLength: { 10: 'series' } } as const;
    await store.mergeBatch({ batch: { source: 's0', sequence: 1 }, ...row, transfers: transfersOf(first, []) });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    let reachedTable: () => void = () => undefined;
    const aAtTable = new Promise<void>((resolve) => (reachedTable = resolve));
    local.client.middlewareStack.add(
      (next) => async (args) => {
        // The document client's input, marshalled or not yet, depending on the step order.
        const item = (args.input as { Item?: { seen?: Record<string, unknown> & { M?: Record<string, unknown> } } }).Item;
        const seen = item?.seen?.M ?? item?.seen;
        if (holding && seen !== undefined && Object.hasOwn(seen, 'a')) {
          holding = false;
          reachedTable();
          await held;
        }
        return next(args);
      },
      { step: 'initialize', name: 'holdSourceA' },
    );
    // Act
    const mergeA = store.mergeBatch({ batch: { source: 'a', sequence: 1 }, ...row, transfers: transfersOf(ofA, []) });
    await aAtTable;
    await store.mergeBatch({ batch: { source: 'b', sequence: 1 }, ...row, transfers: transfersOf(ofB, []) });
    release();
    await mergeA;
    local.client.middlewareStack.remove('holdSourceA');
    // Assess: a lost the race and merged again into what b wrote; nothing counted twice
    const result = await local.store.queryWindows({ windowSeconds: 10, fromMs: BASE_MS, toMs: BASE_MS + 60_000, accounts: ['111111111111'], regions: ['us-east-1'] });
    expect(asJson(result.windows.map(withoutScore))).toEqual(asJson(engineWindows(records, 10)));
  });

  it.each([
    ['another window length', (t: SeriesEngineTransfer[]) => t.map((s) => ({ ...s, transfer: { ...s.transfer, windowSeconds: 60 } })), /transfer is of 60 s windows, the batch says 10 s/],
    ['the reserved aggregate account', (t: SeriesEngineTransfer[]) => t.map((s) => ({ ...s, account: '*' })), /batch transfer #0 .*other than "\*"/],
    ['custom states without their metrics', (t: SeriesEngineTransfer[]) => transfersOf(trafficRecords(20), testCustomMetrics()).concat(t), /has 2 custom states for 0 custom metrics/],
    ['sketches of another capacity', () => transfersOf(trafficRecords(20), [], 64), /sketches of capacity 64, the store's is 10000/],
  ])('refuses %s and writes nothing', async (_what, change, message) => {
    // Prepare
    const transfers = change(transfersOf(trafficRecords(50), []));
    // Act
    const merge = local.store.mergeBatch({ batch: { source: 'bad', sequence: 1 }, windowSeconds: 10, windows: [], transfers });
    // Assess
    await expect(merge).rejects.toThrow(StoreInputError);
    await expect(local.store.mergeBatch({ batch: { source: 'bad', sequence: 1 }, windowSeconds: 10, windows: [], transfers })).rejects.toThrow(message);
    expect((await local.store.queryWindows({ windowSeconds: 10, fromMs: BASE_MS, toMs: BASE_MS + 3_600_000 })).windows).toEqual([]);
  });
});
