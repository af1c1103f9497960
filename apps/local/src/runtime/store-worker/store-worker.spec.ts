import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AcceptedRecord, judgeRecord } from '@trailpulse/event-schema';
import { batchPartials, createLocalDynamoClient, createMetricsStore } from '@trailpulse/metrics-store';
import { flushIntentId } from '../group-writer';
import { LOCAL_RETENTION_SECONDS } from '../runtime';
import { StoreWorker, StoreWorkerError } from './store-worker';

const TABLE = 'store-worker-test';
/** As the runtime keeps them (the test's 2024 windows would be expired under the cloud's tiers). */
const RETENTION = LOCAL_RETENTION_SECONDS;

function accepted(eventTime: string, eventName: string): AcceptedRecord {
  const verdict = judgeRecord({ eventTime, eventSource: 'sts.amazonaws.com', eventName, recipientAccountId: '111111111111', awsRegion: 'eu-west-1' });
  if (!verdict.accepted) throw new Error(verdict.message);
  return { record: verdict.record, eventTimeMs: verdict.eventTimeMs, sizeBytes: 0, location: { source: 'test' } };
}

describe('StoreWorker (the embedded DynamoDB and group merges on their own thread)', () => {
  let dir: string;
  let worker: StoreWorker | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-worker-'));
  });
  afterEach(async () => {
    await worker?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('merges a group with its flush intent and checkpoint; this thread reads them over the endpoint, also after a restart', async () => {
    // Prepare
    worker = await StoreWorker.start({ dynamo: { dir: join(dir, 'dynamodb') }, tableName: TABLE, retention: RETENTION });
    const records = [accepted('2024-01-01T00:00:01Z', 'GetCallerIdentity'), accepted('2024-01-01T00:00:02Z', 'GetCallerIdentity'), accepted('2024-01-01T00:00:12Z', 'AssumeRole')];
    // Act
    const result = await worker.write({ sourceId: 'replay:x', seq: 7, position: { kind: 'test', at: 7 }, windowSeconds: 10, windows: batchPartials(records, { windowSeconds: 10 }), recordIntent: true }, []);
    await worker.close();
    worker = await StoreWorker.start({ dynamo: { dir: join(dir, 'dynamodb') }, tableName: TABLE, retention: RETENTION });
    const client = createLocalDynamoClient(worker.endpoint);
    const store = createMetricsStore({ client, tableName: TABLE, retention: RETENTION });
    const windows = await store.queryWindows({ windowSeconds: 10, fromMs: Date.parse('2024-01-01T00:00:00Z'), toMs: Date.parse('2024-01-01T00:01:00Z') });
    const hour = await store.queryWindows({ windowSeconds: 3600, fromMs: Date.parse('2024-01-01T00:00:00Z'), toMs: Date.parse('2024-01-01T01:00:00Z') });
    const checkpoint = await store.readCheckpoint('replay:x');
    const intent = await store.readCheckpoint(flushIntentId('replay:x'));
    client.destroy();
    // Assess
    expect(result.merged).toBe(result.rows);
    expect(windows.windows.map((window) => [window.start, window.metrics.totalCalls])).toEqual([
      ['2024-01-01T00:00:00.000Z', 2],
      ['2024-01-01T00:00:10.000Z', 1],
    ]);
    expect(hour.windows[0]?.metrics.totalCalls).toBe(3);
    expect(checkpoint?.details).toEqual({ kind: 'test', at: 7 });
    expect(Number(intent?.position)).toBe(7);
  });

  it("rejects a bad group with the store's error name and message, and keeps working", async () => {
    // Prepare
    worker = await StoreWorker.start({ dynamo: { dir: join(dir, 'dynamodb') }, tableName: TABLE, retention: RETENTION });
    const windows = batchPartials([accepted('2024-01-01T00:00:01Z', 'GetCallerIdentity')], { windowSeconds: 10 });
    // Act: partials of 10 s windows said to be 60 s ones
    const bad = worker.write({ sourceId: 's', seq: 1, position: {}, windowSeconds: 60, windows, recordIntent: false }, []);
    // Assess
    await expect(bad).rejects.toThrow(StoreWorkerError);
    await expect(bad).rejects.toThrow(/StoreInputError: .*10000 ms windows, the batch says 60 s/);
    await expect(worker.write({ sourceId: 's', seq: 2, position: {}, windowSeconds: 10, windows, recordIntent: false }, [])).resolves.toMatchObject({ duplicates: 0 });
  });

  it("a worker started on another's endpoint merges through it (the bulk writer beside the live one)", async () => {
    // Prepare
    worker = await StoreWorker.start({ dynamo: { dir: join(dir, 'dynamodb') }, tableName: TABLE, retention: RETENTION });
    const second = await StoreWorker.start({ dynamo: { endpoint: worker.endpoint }, tableName: TABLE, retention: RETENTION });
    const windows = batchPartials([accepted('2024-01-01T00:00:01Z', 'GetCallerIdentity')], { windowSeconds: 10 });
    // Act
    await second.write({ sourceId: 'bulk', seq: 1, position: {}, windowSeconds: 10, windows, recordIntent: false, rows: { rowsByLength: { 60: 'both' } } }, []);
    await second.close();
    const client = createLocalDynamoClient(worker.endpoint);
    const minute = await createMetricsStore({ client, tableName: TABLE, retention: RETENTION }).queryWindows({ windowSeconds: 60, fromMs: Date.parse('2024-01-01T00:00:00Z'), toMs: Date.parse('2024-01-01T00:01:00Z') });
    client.destroy();
    // Assess: the 60 s row only, and the owner's embedded DynamoDB still serves after the second worker closed
    expect(second.endpoint).toBe(worker.endpoint);
    expect(minute.windows.map((window) => window.metrics.totalCalls)).toEqual([1]);
  });
});
