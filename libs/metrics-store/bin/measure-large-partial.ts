// How big the engine's largest window state gets in the store: a 60 s window with 1,000,000
// distinct source IPs (every top-K sketch full). Usage:
//   node tools/scripts/ts-runner.cjs libs/metrics-store/bin/measure-large-partial.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalDynamoClient, createMetricsStore, createMetricsTable, startLocalDynamo } from '../src';
import { documentClientOf } from '../src/local/local-client';
import { hugeWindowPartial } from '../test/huge-window';
import { BASE_MS } from '../test/records';

async function main(): Promise<void> {
  const { partial } = hugeWindowPartial();
  const json = Buffer.from(JSON.stringify(partial));
  process.stdout.write(`partial JSON ${json.length} bytes, gzip -6 ${gzipSync(json, { level: 6 }).length} bytes\n`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'metrics-store-size-'));
  const dynamo = await startLocalDynamo({ dataDir });
  const client = createLocalDynamoClient(dynamo.endpoint);
  try {
    await createMetricsTable(client, 'size');
    const store = createMetricsStore({ client, tableName: 'size', scheduler: { sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random, now: () => BASE_MS } });
    const started = performance.now();
    await store.mergeBatch({ batch: { source: 's', sequence: 1 }, windowSeconds: 60, windows: [{ account: 'a', region: 'r', partial }], rollUpTo: [], aggregate: false });
    const mergeMs = performance.now() - started;
    const { Items } = await documentClientOf(client).send(new QueryCommand({ TableName: 'size', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'W#60#a#r' } }));
    const row = Items?.[0];
    const body = row?.['body'] as Uint8Array | undefined;
    process.stdout.write(`row: enc=${String(row?.['enc'])}, inline body ${body?.length ?? 0} bytes, chunks ${String(row?.['chunks'] ?? 0)}; first merge ${mergeMs.toFixed(0)} ms\n`);
    const again = performance.now();
    await store.mergeBatch({ batch: { source: 's', sequence: 2 }, windowSeconds: 60, windows: [{ account: 'a', region: 'r', partial }], rollUpTo: [], aggregate: false });
    process.stdout.write(`second merge (read, merge, write) ${(performance.now() - again).toFixed(0)} ms\n`);
  } finally {
    client.destroy();
    await dynamo.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
