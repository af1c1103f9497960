import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type WindowPartial } from '@trailpulse/analytics';
import { ALL, windowKey } from '../src';
import { documentClientOf } from '../src/local/local-client';
import { chunkPartitionKey } from '../src/table/keys';
import { asJson } from './engine-reference';
import { type LocalStore, makeTempDir, openLocalStore, TABLE } from './local-store';
import { hugeWindowPartial } from './huge-window';
import { BASE_MS } from './records';

describe('item size limit', () => {
  let local: LocalStore;
  let huge: { partial: WindowPartial; metrics: unknown };

  beforeAll(() => {
    huge = hugeWindowPartial();
  });
  afterEach(async () => {
    await local.remove();
  });

  it('stores the engine partial of a window with 1M distinct IPs (> 400 KB as JSON) and reads back the same metrics', async () => {
    // Prepare
    local = await openLocalStore(await makeTempDir());
    const jsonBytes = Buffer.byteLength(JSON.stringify(huge.partial));
    // Act
    await local.store.mergeBatch({ batch: { source: 'big', sequence: 1 }, windowSeconds: 60, windows: [{ account: '111111111111', region: 'us-east-1', partial: huge.partial }], rollUpTo: [] });
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000 });
    // Assess: dynalite enforces DynamoDB's 400 KB item limit, so the write itself proves every item fits
    expect(jsonBytes).toBeGreaterThan(400 * 1024);
    expect(result.problems).toEqual([]);
    expect(asJson(result.windows[0]?.metrics)).toEqual(asJson(huge.metrics));
  });

  it('splits a body larger than the inline limit into chunk rows, replaces them on the next merge and deletes the old ones', async () => {
    // Prepare: small limits so that the same partial needs many chunks
    local = await openLocalStore(await makeTempDir(), { inlineBodyMaxBytes: 50_000, chunkBytes: 40_000 });
    const doc = documentClientOf(local.client);
    const rowKey = windowKey({ windowSeconds: 60, account: ALL, region: ALL, startMs: BASE_MS });
    const chunkRows = async (generation: unknown): Promise<number> =>
      (await doc.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': chunkPartitionKey(rowKey, String(generation)) } }))).Count ?? 0;
    const input = { windowSeconds: 60, windows: [{ account: '111111111111', region: 'us-east-1', partial: huge.partial }], rollUpTo: [] };
    // Act
    await local.store.mergeBatch({ ...input, batch: { source: 'big', sequence: 1 } });
    const first = (await doc.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': rowKey.pk } }))).Items?.[0];
    await local.store.mergeBatch({ ...input, batch: { source: 'big', sequence: 2 } });
    const second = (await doc.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': rowKey.pk } }))).Items?.[0];
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000 });
    // Assess
    expect(first?.['chunks']).toBeGreaterThan(2);
    expect(await chunkRows(first?.['gen'])).toBe(0);
    expect(await chunkRows(second?.['gen'])).toBe(second?.['chunks']);
    expect(result.windows[0]?.metrics.totalCalls).toBe(2_000_000);
    expect(result.windows[0]?.metrics.approximate).toEqual(['topApiCalls', 'topUsers', 'topIps']);
  });
});
