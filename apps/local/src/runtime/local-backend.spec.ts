import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API_PATHS, INGEST_CONTENT_TYPES } from '@trailpulse/api-contract';
import { createLocalDynamoClient, createMetricsStore, createMetricsTable, type LocalDynamo, startLocalDynamo } from '@trailpulse/metrics-store';
import { Authenticator, createApiServer } from '../http';
import { bearer, send } from '../http/testing/http-client';
import { PushSource } from '../sources';
import { CustomMetricsRegistry } from './custom-metrics';
import { INGEST_RETRY_AFTER_SECONDS, LocalBackend } from './local-backend';
import { RecentEvents } from './recent-events';

const TOKEN = 'local-backend-spec-token-0123456789';
const record = JSON.stringify({ eventTime: '2024-01-01T00:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances' });

let dataDir: string;
let dynamo: LocalDynamo;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'trailpulse-backend-'));
  dynamo = await startLocalDynamo({ dataDir });
});
afterAll(async () => {
  await dynamo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('LocalBackend ingest', () => {
  it('answers 429 with Retry-After (not 500) when the ingest queue is full, and accepts again once it drains', async () => {
    // Prepare: a queue of one batch that nothing drains yet, served by the real HTTP server.
    const client = createLocalDynamoClient(dynamo.endpoint);
    await createMetricsTable(client, 'backend-spec');
    const store = createMetricsStore({ client, tableName: 'backend-spec' });
    const ingest = new PushSource({ maxQueuedBatches: 1, maxQueueWaitMs: 0 });
    const backend = new LocalBackend({ store, recent: new RecentEvents(10), custom: new CustomMetricsRegistry(store), ingest, windowSeconds: [10] });
    const server = createApiServer({ backend, auth: new Authenticator({ apiToken: TOKEN }) });
    const url = await server.listen(0);
    const post = () => send(`${url}${API_PATHS.events}`, { method: 'POST', headers: { ...bearer(TOKEN), 'Content-Type': INGEST_CONTENT_TYPES.ndjson }, body: record });
    try {
      // Act
      const first = await post();
      const refused = await post();
      const iterator = ingest.start()[Symbol.asyncIterator]();
      await iterator.next();
      const afterDrain = await post();
      // Assess
      expect(first.status).toBe(202);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe(String(INGEST_RETRY_AFTER_SECONDS));
      expect(refused.json()).toMatchObject({ error: 'rate-limited' });
      expect(afterDrain.status).toBe(202);
    } finally {
      await server.close();
      client.destroy();
    }
  });
});
