/**
 * Runs byte ranges on scan worker threads: each takes the next range from the shared queue when it
 * reports one done (so a slow worker or a busy core does not hold the others back), and once the
 * queue is empty each worker hands over its windows (Engine.transfer: raw and unsorted, far cheaper
 * than a snapshot), handed to `onSnapshot` at once so the main thread merges one while the others
 * are still being taken and sent.
 */
import { Worker } from 'node:worker_threads';
import { type EngineTransfer } from '../engine';
import { ParallelAnalysisError, ScanWorkerError } from './analyze-files-errors';
import { type RangeQueue } from './range-queue';
import { type ByteRange, type FromWorker, type RangeCounts, type ScanWorkerData, type ToWorker } from './worker-protocol';
import { scanWorkerScript } from './worker-script';

/** Ranges sent to a worker ahead of time, so it starts the next one without waiting for a round trip. */
const RANGES_IN_FLIGHT = 2;

export interface WorkerPoolCallbacks {
  onRangeDone(range: ByteRange, counts: RangeCounts): void;
  onSnapshot(snapshot: EngineTransfer): void;
}

export async function scanRangesInWorkers(queue: RangeQueue, workerCount: number, data: ScanWorkerData, callbacks: WorkerPoolCallbacks): Promise<void> {
  const script = scanWorkerScript();
  const workers = Array.from({ length: workerCount }, () => new Worker(script, { workerData: data }));
  try {
    await Promise.all(workers.map((worker, index) => runWorker(worker, index, queue, callbacks)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function runWorker(worker: Worker, index: number, queue: RangeQueue, callbacks: WorkerPoolCallbacks): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    let settled = false;
    const send = (message: ToWorker): void => worker.postMessage(message);
    const sendMore = (): void => {
      while (inFlight < RANGES_IN_FLIGHT) {
        const range = queue.take();
        if (range === undefined) break;
        send({ kind: 'range', range });
        inFlight++;
      }
      if (inFlight === 0) send({ kind: 'finish' });
    };
    const fail = (message: string, cause?: unknown): void => {
      if (settled) return;
      settled = true;
      reject(new ParallelAnalysisError(`scan worker ${index + 1}: ${message}`, { cause }));
    };
    worker.on('message', (message: FromWorker) => {
      if (settled) return;
      if (message.kind === 'range-done') {
        inFlight--;
        try {
          callbacks.onRangeDone(message.range, message.counts);
        } catch (error) {
          fail('its progress could not be counted', error);
          return;
        }
        sendMore();
      } else if (message.kind === 'snapshot') {
        try {
          callbacks.onSnapshot(message.snapshot);
        } catch (error) {
          fail('its windows could not be merged', error);
          return;
        }
        settled = true;
        resolve();
      } else {
        fail(message.message, new ScanWorkerError(message.message, message.stack));
      }
    });
    worker.on('error', (error) => fail(error.message, error));
    worker.on('exit', (code) => fail(`stopped (exit code ${code}) before sending its windows`));
    sendMore();
  });
}
