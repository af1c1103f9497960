import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createLocalDynamoClient, createMetricsStore, createMetricsTable, type LocalDynamo, type MetricsStore, startLocalDynamo } from '@trailpulse/metrics-store';

/** Every window length kept for ~300 years: the specs' 2024 windows must not count as expired. */
const KEEP_ALL = { 10: 1e10, 60: 1e10, 3600: 1e10 };

/**
 * For one spec file: a real dynalite on a temporary directory, started before its tests and
 * removed after them, and a function giving a fresh metrics table in it (one per test).
 */
export function useTempStores(prefix: string): () => Promise<MetricsStore> {
  let dataDir: string;
  let dynamo: LocalDynamo;
  let tables = 0;
  const clients: { destroy(): void }[] = [];
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), `trailpulse-${prefix}-`));
    dynamo = await startLocalDynamo({ dataDir });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await dynamo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return async () => {
    const client = createLocalDynamoClient(dynamo.endpoint);
    clients.push(client);
    const tableName = `${prefix}-${++tables}`;
    await createMetricsTable(client, tableName);
    return createMetricsStore({ client, tableName, retention: KEEP_ALL });
  };
}
