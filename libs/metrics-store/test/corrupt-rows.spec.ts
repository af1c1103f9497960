import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchPartials, CorruptRowError, windowKey } from '../src';
import { documentClientOf } from '../src/local/local-client';
import { chunkPartitionKey, chunkSortKey } from '../src/table/keys';
import { asJson, engineWindows } from './engine-reference';
import { type LocalStore, makeTempDir, openLocalStore, TABLE } from './local-store';
import { BASE_MS, trafficRecords } from './records';

const ACCOUNT = '222222222222';
const REGION = 'eu-west-1';
const range = { windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 600_000 };

describe('corrupt rows', () => {
  let local: LocalStore;
  const records = trafficRecords(1200);
  const damagedStart = BASE_MS + 120_000;
  const damagedKey = windowKey({ windowSeconds: 60, account: ACCOUNT, region: REGION, startMs: damagedStart });

  beforeEach(async () => {
    local = await openLocalStore(await makeTempDir(), { inlineBodyMaxBytes: 300, chunkBytes: 200 });
    await local.store.mergeBatch({ batch: { source: 'test', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }), rollUpTo: [] });
  });
  afterEach(async () => {
    await local.remove();
  });

  /** Every series but the damaged window's, and that one's other windows. */
  const expectedWithoutDamaged = (): unknown =>
    asJson(
      engineWindows(
        records.filter((r) => !(r.record['recipientAccountId'] === ACCOUNT && r.record['awsRegion'] === REGION && r.eventTimeMs >= damagedStart && r.eventTimeMs < damagedStart + 60_000)),
        60,
      ),
    );

  const damages: [string, (doc: ReturnType<typeof documentClientOf>) => Promise<void>][] = [
    [
      'a body that is not gzip',
      (doc) =>
        doc.send(new UpdateCommand({ TableName: TABLE, Key: damagedKey, UpdateExpression: 'SET enc = :e, body = :b REMOVE gen, chunks', ExpressionAttributeValues: { ':e': 'gzip', ':b': Buffer.from('not gzip') } })).then(() => undefined),
    ],
    [
      'a body of the wrong shape',
      (doc) =>
        doc.send(new UpdateCommand({ TableName: TABLE, Key: damagedKey, UpdateExpression: 'SET enc = :e, body = :b REMOVE gen, chunks', ExpressionAttributeValues: { ':e': 'json', ':b': Buffer.from('{"format":"trailpulse.window-row.v1","partial":{}}') } })).then(() => undefined),
    ],
    [
      'a partial whose counts disagree',
      (doc) =>
        doc.send(
          new UpdateCommand({
            TableName: TABLE,
            Key: damagedKey,
            UpdateExpression: 'SET enc = :e, body = :b REMOVE gen, chunks',
            ExpressionAttributeValues: {
              ':e': 'json',
              ':b': Buffer.from(JSON.stringify({ format: 'trailpulse.window-row.v1', partial: { version: 1, startMs: damagedStart, windowMs: 60_000, totalCalls: 5, services: [[], []], categories: [0, 0, 0, 0, 0], ec2SuccessfulCalls: 0, topApiCalls: { capacity: 10_000, exact: true, keys: [], counts: [] }, topUsers: { capacity: 10_000, exact: true, keys: [], counts: [] }, topIps: { capacity: 10_000, exact: true, keys: [], counts: [] } }, custom: {} })),
            },
          }),
        ).then(() => undefined),
    ],
    ['a row missing its version', (doc) => doc.send(new UpdateCommand({ TableName: TABLE, Key: damagedKey, UpdateExpression: 'REMOVE v' })).then(() => undefined)],
    [
      'a missing chunk',
      async (doc) => {
        const row = (await doc.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': damagedKey.pk, ':sk': damagedKey.sk } }))).Items?.[0];
        if (typeof row?.['gen'] !== 'string') throw new Error('test setup: the damaged row should be chunked');
        await doc.send(new DeleteCommand({ TableName: TABLE, Key: { pk: chunkPartitionKey(damagedKey, row['gen']), sk: chunkSortKey(0) } }));
      },
    ],
  ];

  it.each(damages)('%s: the query answers every other row and names the damaged one', async (_what, damage) => {
    // Prepare
    await damage(documentClientOf(local.client));
    // Act
    const result = await local.store.queryWindows({ ...range, accounts: [ACCOUNT, '111111111111', '333333333333'] });
    // Assess
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toBeInstanceOf(CorruptRowError);
    expect(result.problems[0]?.row).toEqual(damagedKey);
    expect(result.problems[0]?.message).toContain(damagedKey.pk);
    expect(asJson(result.windows)).toEqual(expectedWithoutDamaged());
  });

  it('a merge into a damaged row fails with CorruptRowError naming it (with cause) and leaves it as it is', async () => {
    // Prepare
    const doc = documentClientOf(local.client);
    await (damages[0] as (typeof damages)[number])[1](doc);
    // Act
    const merge = local.store.mergeBatch({ batch: { source: 'test', sequence: 2 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60 }), rollUpTo: [] });
    // Assess
    await expect(merge).rejects.toThrow(CorruptRowError);
    await expect(merge).rejects.toMatchObject({ row: damagedKey, cause: expect.any(Error) });
    const item = (await doc.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': damagedKey.pk, ':sk': damagedKey.sk } }))).Items?.[0];
    expect(Buffer.from(item?.['body'] as Uint8Array).toString()).toBe('not gzip');
  });

  it('an item of another kind in a window partition is reported, not trusted', async () => {
    // Prepare
    await documentClientOf(local.client).send(new PutCommand({ TableName: TABLE, Item: { ...damagedKey, kind: 'something-else' } }));
    // Act
    const result = await local.store.queryWindows({ ...range, accounts: [ACCOUNT] });
    // Assess
    expect(result.problems.map((p) => p.row)).toEqual([damagedKey]);
    expect(result.windows.length).toBeGreaterThan(0);
  });
});
