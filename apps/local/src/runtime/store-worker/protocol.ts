// Messages between the runtime and its store worker thread (store-worker.ts, store-worker-entry.ts).
import { type CustomMetricDefinition } from '@trailpulse/analytics';
import { type MergeBatchResult } from '@trailpulse/metrics-store';
import { type GroupWrite } from '../group-writer';

/** What the worker is started with (workerData). */
export interface StoreWorkerData {
  /**
   * Where the table lives: the LevelDB directory of an embedded DynamoDB this worker runs, or the
   * endpoint of one another worker runs (a worker that only merges).
   */
  readonly dynamo: { readonly dir: string } | { readonly endpoint: string };
  readonly tableName: string;
  /** Seconds each stored window length is kept (MetricsStoreOptions.retention). */
  readonly retention: Readonly<Record<number, number>>;
  /**
   * Run this thread at this niceness (Linux; see thread-priority.ts): a worker whose merges may
   * wait (the bulk rows) yields the CPU to the ingest thread and the live merges when they want it.
   */
  readonly niceness?: number;
  /**
   * Rows this worker keeps decoded between merges (default 1024). A decoded row holds its sketches'
   * key maps: a few MB for a full window, so a worker that only ever merges into the current window
   * keeps few, or old windows fill its heap and every garbage collection marks them.
   */
  readonly rowCacheEntries?: number;
}

export type ToStoreWorker =
  /** Custom metrics travel as definitions (compiled ones hold functions); the worker compiles each set once. */
  | { readonly kind: 'write'; readonly id: number; readonly group: GroupWrite; readonly definitions: readonly CustomMetricDefinition[] }
  | { readonly kind: 'close' };

export type FromStoreWorker =
  | { readonly kind: 'ready'; readonly endpoint: string }
  | { readonly kind: 'start-failed'; readonly message: string }
  /** The all-accounts rows hold write `id` (its per-series rows follow). */
  | { readonly kind: 'aggregate-merged'; readonly id: number }
  | { readonly kind: 'written'; readonly id: number; readonly result: MergeBatchResult }
  /** The write failed; `name` is the store error's class (StoreInputError, MergeConflictError, ...). */
  | { readonly kind: 'failed'; readonly id: number; readonly name: string; readonly message: string }
  | { readonly kind: 'closed' };
