// Measures how many window rows per second the store merges into an embedded dynalite on disk
// (one process, as the local runtime runs it). Usage:
//   node tools/scripts/ts-runner.cjs libs/metrics-store/bin/measure-write-throughput.ts [records] [batchSize]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batchPartials, createLocalDynamoClient, createMetricsStore, createMetricsTable, startLocalDynamo } from '../src';
import { BASE_MS, slices, trafficRecords } from '../test/records';

async function main(): Promise<void> {
  const recordCount = Number(process.argv[2] ?? 20_000);
  const batchSize = Number(process.argv[3] ?? 2_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'metrics-store-bench-'));
  const dynamo = await startLocalDynamo({ dataDir });
  const client = createLocalDynamoClient(dynamo.endpoint);
  try {
    await createMetricsTable(client, 'bench');
    const store = createMetricsStore({ client, tableName: 'bench', scheduler: { sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random, now: () => BASE_MS } });
    // 10 minutes of traffic over 3 accounts x 2 regions: 60 windows of 10 s per series.
    const records = trafficRecords(recordCount, { spanMs: 600_000, ips: 500 });
    for (const [label, rollUpTo] of [['10 s rows only', []], ['10 s + roll-ups to 60 s and 3600 s', undefined]] as const) {
      let rows = 0;
      let partialMs = 0;
      const started = performance.now();
      for (const [i, batch] of slices(records, batchSize).entries()) {
        const t0 = performance.now();
        const windows = batchPartials(batch, { windowSeconds: 10 });
        partialMs += performance.now() - t0;
        const result = await store.mergeBatch({
          batch: { source: `bench-${label}`, sequence: i + 1 },
          windowSeconds: 10,
          windows,
          ...(rollUpTo === undefined ? {} : { rollUpTo }),
        });
        rows += result.merged;
      }
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `${label}: ${records.length} records in batches of ${batchSize}: ${rows} row merges in ${seconds.toFixed(2)} s = ` +
          `${Math.round(rows / seconds)} windows/s (engine partials ${(partialMs / 1000).toFixed(2)} s of it)\n`,
      );
    }
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
