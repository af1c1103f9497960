import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type BatchId, type BatchSequence } from './batch/sequence';
import { RowCache } from './row/row-cache';
import { advanceCheckpoint, type Checkpoint, deleteCheckpoint, readCheckpoint } from './checkpoint/checkpoints';
import { resolveStoreOptions, type StoreOptions } from './config/store-options';
import {
  type CustomMetricList,
  deleteCustomMetric,
  getCustomMetric,
  listCustomMetrics,
  putCustomMetric,
  type StoredCustomMetric,
} from './custom/custom-definitions';
import { documentClientOf } from './local/local-client';
import { queryWindows, type QueryWindowsInput, type QueryWindowsResult } from './query/query-windows';
import { SeriesRegistry } from './series/series-registry';
import { type StoreContext } from './store-context';
import { type AnomalyScoreInput, setAnomalyScore } from './write/anomaly-score';
import { mergeBatch, type MergeBatchInput, type MergeBatchResult } from './write/merge-batch';

/** The metrics table, one code path for the cloud and the local runtime (README.md). */
export interface MetricsStore {
  readonly tableName: string;
  /** Merges a batch's partials into every row it touches, each exactly once per (source, sequence). */
  mergeBatch(input: MergeBatchInput): Promise<MergeBatchResult>;
  /**
   * {@link mergeBatch}, then moves the source's checkpoint to the batch's sequence: after a crash,
   * `readCheckpoint` says where to resume, and re-sent batches merge only into rows that missed them.
   */
  writeBatch(input: MergeBatchInput, checkpointDetails?: unknown): Promise<MergeBatchResult>;
  setAnomalyScore(input: AnomalyScoreInput): Promise<void>;
  queryWindows(input: QueryWindowsInput): Promise<QueryWindowsResult>;
  readCheckpoint(source: string): Promise<Checkpoint | undefined>;
  advanceCheckpoint(source: string, position: BatchSequence, details?: unknown): Promise<boolean>;
  deleteCheckpoint(source: string): Promise<void>;
  putCustomMetric(definition: unknown, expectedVersion?: number): Promise<StoredCustomMetric>;
  getCustomMetric(id: string): Promise<StoredCustomMetric | undefined>;
  listCustomMetrics(): Promise<CustomMetricList>;
  deleteCustomMetric(id: string): Promise<boolean>;
}

export interface MetricsStoreConfig extends StoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

/** @throws StoreConfigError for options that cannot work. */
export function createMetricsStore(config: MetricsStoreConfig): MetricsStore {
  const { client, tableName, ...options } = config;
  const resolved = resolveStoreOptions(options);
  const ctx: StoreContext = { doc: documentClientOf(client), tableName, options: resolved, ...(resolved.rowCacheEntries > 0 ? { rowCache: new RowCache(resolved.rowCacheEntries) } : {}) };
  const registry = new SeriesRegistry(ctx);
  const writeBatch = async (input: MergeBatchInput, details?: unknown): Promise<MergeBatchResult> => {
    const result = await mergeBatch(ctx, registry, input);
    await advanceCheckpoint(ctx, input.batch.source, input.batch.sequence, details);
    return result;
  };
  return {
    tableName,
    mergeBatch: (input) => mergeBatch(ctx, registry, input),
    writeBatch,
    setAnomalyScore: (input) => setAnomalyScore(ctx, input),
    queryWindows: (input) => queryWindows(ctx, registry, input),
    readCheckpoint: (source) => readCheckpoint(ctx, source),
    advanceCheckpoint: (source, position, details) => advanceCheckpoint(ctx, source, position, details),
    deleteCheckpoint: (source) => deleteCheckpoint(ctx, source),
    putCustomMetric: (definition, expectedVersion) => putCustomMetric(ctx, definition, expectedVersion),
    getCustomMetric: (id) => getCustomMetric(ctx, id),
    listCustomMetrics: () => listCustomMetrics(ctx),
    deleteCustomMetric: (id) => deleteCustomMetric(ctx, id),
  };
}

export type { BatchId };
