/**
 * Entry point of a scan worker thread (bundled by worker-script.ts). It scans the byte ranges it is
 * sent into its own engine (its custom metrics compiled from the definitions in the worker data),
 * reports each range's counts, and on "finish" hands its windows over (Engine.transfer) for the
 * main thread to merge.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCustomMetric } from '../custom/compile';
import { createEngine } from '../engine';
import { NdjsonFactsReader } from '../scan/ndjson-facts';
import { ParallelAnalysisError } from './analyze-files-errors';
import { rangeCountsOf } from './range-counts';
import { scanRange } from './range-scan';
import { type FromWorker, type ScanWorkerData, type ToWorker } from './worker-protocol';

const port = parentPort;
if (port === null) throw new ParallelAnalysisError('scan-worker.ts runs as a worker thread only');
const data = workerData as ScanWorkerData;
const engine = createEngine({
  windowSeconds: data.windowSeconds,
  ...(data.topK === undefined ? {} : { topK: data.topK }),
  ...(data.sketchCapacity === undefined ? {} : { sketchCapacity: data.sketchCapacity }),
  ...(data.customMetrics === undefined ? {} : { customMetrics: data.customMetrics.map((definition) => compileCustomMetric(definition)) }),
});
const needsFullRecords = (data.customMetrics ?? []).length > 0;

const post = (message: FromWorker): void => port.postMessage(message);

async function handle(message: ToWorker): Promise<void> {
  if (message.kind === 'finish') {
    post({ kind: 'snapshot', snapshot: engine.transfer() });
    return;
  }
  const { range } = message;
  const reader = new NdjsonFactsReader(engine, {
    source: range.path,
    atSourceStart: range.start === 0,
    needsFullRecords,
    ...(data.maxRecordBytes === undefined ? {} : { maxRecordBytes: data.maxRecordBytes }),
    ...(data.maxTextBytes === undefined ? {} : { maxTextBytes: data.maxTextBytes }),
  });
  await scanRange(range, reader);
  post({ kind: 'range-done', range, counts: rangeCountsOf(reader.stats) });
}

// One message at a time, in order: ranges may be sent ahead so the worker never waits for the next.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
    });
});
