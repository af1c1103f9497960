import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClientOf } from '../src/local/local-client';
import { ALL, batchPartials, type MetricsStore, windowKey } from '../src';
import { asJson, engineWindows } from './engine-reference';
import { type LocalStore, openLocalStore, TABLE, useFreshLocalStore } from './local-store';
import { BASE_MS, slices, trafficRecords } from './records';

const HOUR = 3_600_000;

describe('metrics store against dynalite', () => {
  let local: LocalStore;
  let store: MetricsStore;

  // The restart test replaces `local`: the one it holds at the end is removed.
  useFreshLocalStore(
    (opened) => {
      local = opened;
      store = opened.store;
    },
    () => local,
  );

  it('a batch of 60 s partials, queried back, equals the engine run over the same records', async () => {
    // Prepare
    const records = trafficRecords(3000);
    // Act
    await store.mergeBatch({ batch: { source: 'test', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }), rollUpTo: [] });
    const result = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR });
    // Assess
    expect(result.problems).toEqual([]);
    expect(result.windows).toHaveLength(10);
    expect(asJson(result.windows)).toEqual(asJson(engineWindows(records, 60)));
  });

  it('replaying a merged batch changes nothing (same source and sequence), a new sequence adds', async () => {
    // Prepare
    const records = trafficRecords(900);
    const input = {
      batch: { source: 'kinesis:shard-0', sequence: '49590338271490256608559692538361571095921575989136588898' },
      windowSeconds: 60,
      windows: batchPartials(records, { windowSeconds: 60 }),
      rollUpTo: [],
    };
    const first = await store.mergeBatch(input);
    // Act
    const replay = await store.mergeBatch(input);
    const older = await store.mergeBatch({ ...input, batch: { ...input.batch, sequence: '49590338271490256608559692538361571095921575989136588897' } });
    const afterReplays = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR });
    await store.mergeBatch({ ...input, batch: { ...input.batch, sequence: '49590338271490256608559692538361571095921575989136588899' } });
    const afterNext = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR });
    // Assess
    expect(first.merged).toBe(first.rows);
    expect(replay).toEqual({ rows: first.rows, merged: 0, duplicates: first.rows });
    expect(older.merged).toBe(0);
    expect(asJson(afterReplays.windows)).toEqual(asJson(engineWindows(records, 60)));
    expect(asJson(afterNext.windows)).toEqual(asJson(engineWindows([...records, ...records], 60)));
  });

  it('batches of one source merged in order equal one engine pass over all of them', async () => {
    // Prepare
    const records = trafficRecords(2000);
    // Act
    for (const [i, batch] of slices(records, 300).entries()) {
      await store.mergeBatch({ batch: { source: 'replay', sequence: (i + 1) * 300 }, windowSeconds: 60, windows: batchPartials(batch, { windowSeconds: 60 }), rollUpTo: [] });
    }
    const minutes = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR });
    // Assess
    expect(minutes.windows).toHaveLength(10);
    expect(asJson(minutes.windows)).toEqual(asJson(engineWindows(records, 60)));
  });

  it('10 s batches rolled up equal engine runs at 60 s and 3600 s over the same records', async () => {
    // Prepare: 20 minutes of traffic across an hour boundary (00:50 to 01:10)
    const records = trafficRecords(4000, { startMs: BASE_MS + 50 * 60_000, spanMs: 20 * 60_000 });
    // Act
    for (const [i, batch] of slices(records, 1500).entries()) {
      await store.mergeBatch({ batch: { source: 'replay', sequence: i + 1 }, windowSeconds: 10, windows: batchPartials(batch, { windowSeconds: 10 }) });
    }
    const minutes = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 3 * HOUR, limit: 1000 });
    const hours = await store.queryWindows({ windowSeconds: 3600, fromMs: BASE_MS, toMs: BASE_MS + 3 * HOUR });
    // Assess
    expect(minutes.windows).toHaveLength(20);
    expect(asJson(minutes.windows)).toEqual(asJson(engineWindows(records, 60)));
    expect(hours.windows).toHaveLength(2);
    expect(asJson(hours.windows)).toEqual(asJson(engineWindows(records, 3600)));
  });

  it('account and region filters equal the engine over the matching records only', async () => {
    // Prepare
    const records = trafficRecords(3000);
    await store.mergeBatch({ batch: { source: 'test', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }) });
    const range = { windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR };
    const account = (r: (typeof records)[number]): unknown => r.record['recipientAccountId'];
    const region = (r: (typeof records)[number]): unknown => r.record['awsRegion'];
    // Act
    const oneAccount = await store.queryWindows({ ...range, accounts: ['222222222222'] });
    const twoAccountsOneRegion = await store.queryWindows({ ...range, accounts: ['111111111111', '333333333333'], regions: ['eu-west-1'] });
    const oneRegion = await store.queryWindows({ ...range, regions: ['us-east-1'] });
    const unknownAccount = await store.queryWindows({ ...range, accounts: ['999999999999'] });
    // Assess
    expect(asJson(oneAccount.windows)).toEqual(asJson(engineWindows(records.filter((r) => account(r) === '222222222222'), 60)));
    expect(asJson(twoAccountsOneRegion.windows)).toEqual(
      asJson(engineWindows(records.filter((r) => ['111111111111', '333333333333'].includes(account(r) as string) && region(r) === 'eu-west-1'), 60)),
    );
    expect(asJson(oneRegion.windows)).toEqual(asJson(engineWindows(records.filter((r) => region(r) === 'us-east-1'), 60)));
    expect(unknownAccount.windows).toEqual([]);
  });

  it('pages a long range: limit windows per page, nextFromMs continues exactly where the page ends', async () => {
    // Prepare
    const records = trafficRecords(2000);
    await store.mergeBatch({ batch: { source: 'test', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }) });
    const all = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR });
    // Act
    const pages = [];
    let fromMs: number | undefined = BASE_MS;
    while (fromMs !== undefined) {
      const page = await store.queryWindows({ windowSeconds: 60, fromMs, toMs: BASE_MS + HOUR, limit: 3, accounts: ['111111111111', '222222222222', '333333333333'] });
      pages.push(page);
      fromMs = page.nextFromMs;
    }
    // Assess
    expect(pages.map((page) => page.windows.length)).toEqual([3, 3, 3, 1]);
    expect(asJson(pages.flatMap((page) => page.windows))).toEqual(asJson(all.windows));
  });

  it('the range is half-open on window starts: [from, to) with from inside a window skips that window', async () => {
    // Prepare
    const records = trafficRecords(600);
    await store.mergeBatch({ batch: { source: 'test', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }) });
    // Act
    const result = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS + 30_000, toMs: BASE_MS + 180_000 });
    // Assess
    expect(result.windows.map((w) => w.start)).toEqual(['2024-01-01T00:01:00.000Z', '2024-01-01T00:02:00.000Z']);
  });

  it('sets expiresAt per retention tier: 10 s rows a day, 60 s rows 14 days, 3600 s rows 400 days past the window end', async () => {
    // Prepare
    const records = trafficRecords(100, { startMs: BASE_MS + 75_000, spanMs: 1000 });
    await store.mergeBatch({ batch: { source: 'test', sequence: 1 }, windowSeconds: 10, windows: batchPartials(records, { windowSeconds: 10 }) });
    const doc = documentClientOf(local.client);
    const expiresAt = async (windowSeconds: number, startMs: number): Promise<unknown> =>
      (await doc.send(new GetCommand({ TableName: TABLE, Key: windowKey({ windowSeconds, account: ALL, region: ALL, startMs }) }))).Item?.['expiresAt'];
    const day = 86_400;
    const base = BASE_MS / 1000;
    // Act + Assess: 00:01:10-00:01:20, 00:01:00-00:02:00, 00:00-01:00
    expect(await expiresAt(10, BASE_MS + 70_000)).toBe(base + 80 + day);
    expect(await expiresAt(60, BASE_MS + 60_000)).toBe(base + 120 + 14 * day);
    expect(await expiresAt(3600, BASE_MS)).toBe(base + 3600 + 400 * day);
  });

  it('keeps everything across a restart: dynalite closed and reopened on the same directory', async () => {
    // Prepare
    const records = trafficRecords(1500);
    const input = { batch: { source: 'test', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }) };
    await store.mergeBatch(input);
    await store.advanceCheckpoint('test', 1);
    const before = await store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR });
    const { dataDir } = local.dynamo;
    await local.close();
    // Act
    local = await openLocalStore(dataDir);
    const after = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + HOUR });
    const replay = await local.store.mergeBatch(input);
    // Assess
    expect(after.windows).toHaveLength(10);
    expect(asJson(after.windows)).toEqual(asJson(before.windows));
    expect((await local.store.readCheckpoint('test'))?.position).toBe('1');
    expect(replay.merged).toBe(0);
  });
});
