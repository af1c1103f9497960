// A store worker thread: the embedded DynamoDB (or a connection to the one another worker runs) and
// merges of write-behind groups into it, so that the runtime's own thread keeps to HTTP, parsing,
// aggregation and queries (see store-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { compileCustomMetric, type CompiledCustomMetricDefinition, type CustomMetricDefinition } from '@trailpulse/analytics';
import { createLocalDynamoClient, createMetricsStore, createMetricsTable, startLocalDynamo } from '@trailpulse/metrics-store';
import { storeGroupWriter } from '../group-writer';
import { type FromStoreWorker, type StoreWorkerData, type ToStoreWorker } from './protocol';
import { lowerThreadPriority } from './thread-priority';

if (parentPort === null) throw new Error('store-worker-entry.ts runs as a worker thread only');
const port = parentPort;
const data = workerData as StoreWorkerData;
/**
 * Rows kept decoded between merges (MetricsStoreOptions.rowCacheEntries), unless the runtime says
 * (StoreWorkerData.rowCacheEntries). A bulk group touches every series' current 10 s, 60 s and
 * 3600 s rows (about 400 with 64 busy account/region pairs); twice that covers the working set with
 * room for late windows.
 */
const DEFAULT_ROW_CACHE_ENTRIES = 1024;
/** On a laptop CPU is dearer than disk bytes: the fastest level (the cloud keeps the default 6). */
const LOCAL_GZIP_LEVEL = 1;
const post = (message: FromStoreWorker): void => port.postMessage(message);

/** The last set of definitions compiled, by fingerprint: definitions change rarely, groups come twice a second. */
let compiled: { readonly key: string; readonly metrics: readonly CompiledCustomMetricDefinition[] } = { key: '[]', metrics: [] };
function compiledFor(definitions: readonly CustomMetricDefinition[]): readonly CompiledCustomMetricDefinition[] {
  const key = JSON.stringify(definitions);
  if (key !== compiled.key) compiled = { key, metrics: definitions.map((definition) => compileCustomMetric(definition)) };
  return compiled.metrics;
}

async function main(): Promise<void> {
  if (data.niceness !== undefined) lowerThreadPriority(data.niceness);
  let started;
  try {
    const dynamo = 'dir' in data.dynamo ? await startLocalDynamo({ dataDir: data.dynamo.dir }) : undefined;
    const client = createLocalDynamoClient(dynamo?.endpoint ?? ('endpoint' in data.dynamo ? data.dynamo.endpoint : ''));
    if (dynamo !== undefined) await createMetricsTable(client, data.tableName);
    // Transfers arrive as copies (postMessage): the writer may take them over.
    started = { dynamo, client, writer: storeGroupWriter(createMetricsStore({ client, tableName: data.tableName, retention: data.retention, rowCacheEntries: data.rowCacheEntries ?? DEFAULT_ROW_CACHE_ENTRIES, gzipLevel: LOCAL_GZIP_LEVEL }), true) };
  } catch (error) {
    post({ kind: 'start-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const { dynamo, client, writer } = started;
  // Each source keeps one write in flight (WriteBehind); writes of different sources run side by
  // side as they did in one thread, their shared rows kept consistent by the store's conditional puts.
  const inFlight = new Set<Promise<void>>();
  port.on('message', (message: ToStoreWorker) => {
    if (message.kind === 'write') {
      const done = writer.write(message.group, compiledFor(message.definitions), () => post({ kind: 'aggregate-merged', id: message.id })).then(
        (result) => post({ kind: 'written', id: message.id, result }),
        (error: unknown) => post({ kind: 'failed', id: message.id, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) }),
      );
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
      return;
    }
    void Promise.allSettled([...inFlight]).then(async () => {
      client.destroy();
      await dynamo?.close();
      post({ kind: 'closed' });
      port.close();
    });
  });
  post({ kind: 'ready', endpoint: dynamo?.endpoint ?? ('endpoint' in data.dynamo ? data.dynamo.endpoint : '') });
}

void main();
