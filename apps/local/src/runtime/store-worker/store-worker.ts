/**
 * A store writer on a thread of its own. Merging a write-behind group is the costliest part of
 * ingest (restoring, merging and encoding the stored window partials of every touched row, and the
 * embedded DynamoDB itself), and it used to share one core with HTTP, parsing and aggregation. The
 * runtime runs two (ADR 0008): the live one owns the embedded DynamoDB (dynalite on LevelDB,
 * 127.0.0.1) and merges the small live groups; the bulk one merges the large groups through that
 * endpoint, on its own thread, so a bulk merge never holds up a live one for more than dynalite's
 * handling of its requests. The runtime's thread reads the same table over the endpoint (queries, the
 * window closer, checkpoints). Crash safety is unchanged: the same flush intent, rows and checkpoint
 * are written in the same order, only on other threads of the same process.
 */
import { Worker } from 'node:worker_threads';
import { type CompiledCustomMetricDefinition } from '@trailpulse/analytics';
import { workspaceScript } from '@trailpulse/analytics/node';
import { type MergeBatchResult } from '@trailpulse/metrics-store';
import { type GroupWrite, type GroupWriter } from '../group-writer';
import { type FromStoreWorker, type StoreWorkerData, type ToStoreWorker } from './protocol';

const WORKER_ENTRY = 'apps/local/src/runtime/store-worker/store-worker-entry.ts';
/**
 * The worker's young generation, larger than V8's default for the same reason as the main thread's
 * (apps/local/bin/trailpulse-local.cjs): merges build large short-lived bodies. Measured with
 * `npm run bench -- local`: 42,376 / 41,531 records/s through the live path, against 38,346 / 42,086
 * without it; a small gain, within the spread of the runs, kept for the steadier of the two.
 */
const YOUNG_GENERATION_MB = 192;

/** The store worker could not start, stopped, or a write on it failed (the store's error name and message inside). */
export class StoreWorkerError extends Error {
  override readonly name = 'StoreWorkerError';
}

interface Pending {
  readonly onAggregateMerged: (() => void) | undefined;
  readonly resolve: (result: MergeBatchResult) => void;
  readonly reject: (error: Error) => void;
}

export class StoreWorker implements GroupWriter {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: StoreWorkerError | undefined;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly worker: Worker,
    /** `http://127.0.0.1:<port>` of the embedded DynamoDB the worker runs. */
    readonly endpoint: string,
  ) {
    worker.on('message', (message: FromStoreWorker) => this.onMessage(message));
    worker.on('error', (error) => this.fail(new StoreWorkerError(`the store worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      if (this.closing === undefined) this.fail(new StoreWorkerError(`the store worker exited (code ${code})`));
    });
  }

  /** Starts the thread, its embedded DynamoDB and the table. @throws StoreWorkerError */
  static async start(data: StoreWorkerData): Promise<StoreWorker> {
    const worker = new Worker(workspaceScript(WORKER_ENTRY), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const endpoint = await new Promise<string>((resolve, reject) => {
      const onError = (error: Error): void => reject(new StoreWorkerError(`the store worker failed to start: ${error.message}`, { cause: error }));
      worker.once('error', onError);
      worker.once('message', (message: FromStoreWorker) => {
        worker.off('error', onError);
        if (message.kind === 'ready') resolve(message.endpoint);
        else reject(new StoreWorkerError(`the store worker failed to start: ${message.kind === 'start-failed' ? message.message : message.kind}`));
      });
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return new StoreWorker(worker, endpoint);
  }

  write(group: GroupWrite, customMetrics: readonly CompiledCustomMetricDefinition[], onAggregateMerged?: () => void): Promise<MergeBatchResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.closing !== undefined) return Promise.reject(new StoreWorkerError('the store worker is closing'));
    const id = this.nextId++;
    return new Promise<MergeBatchResult>((resolve, reject) => {
      this.pending.set(id, { onAggregateMerged, resolve, reject });
      this.send({ kind: 'write', id, group, definitions: customMetrics.map((metric) => metric.definition) });
    });
  }

  /** Lets the writes in flight finish, closes the embedded DynamoDB (everything written is on disk), ends the thread. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.failure === undefined) {
        const closed = new Promise<void>((resolve) => {
          this.worker.on('message', (message: FromStoreWorker) => {
            if (message.kind === 'closed') resolve();
          });
          this.worker.once('exit', () => resolve());
        });
        this.send({ kind: 'close' });
        await closed;
      }
      await this.worker.terminate();
    })();
    return this.closing;
  }

  private send(message: ToStoreWorker): void {
    this.worker.postMessage(message);
  }

  private onMessage(message: FromStoreWorker): void {
    if (message.kind !== 'written' && message.kind !== 'failed' && message.kind !== 'aggregate-merged') return;
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    if (message.kind === 'aggregate-merged') {
      pending.onAggregateMerged?.();
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'written') pending.resolve(message.result);
    else pending.reject(new StoreWorkerError(`${message.name}: ${message.message}`));
  }

  private fail(error: StoreWorkerError): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
