import { DEFAULT_SKETCH_CAPACITY, DEFAULT_TOP_K } from '@trailpulse/analytics';
import { StoreConfigError } from '../errors';
import { DEFAULT_GZIP_LEVEL } from '../row/body-codec';
import { checkRetentionTiers, DEFAULT_RETENTION_SECONDS, type RetentionTiers } from './retention';

/** Where waiting and randomness come from; injected so tests and virtual time control backoff. */
export interface StoreScheduler {
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), for backoff jitter. */
  random(): number;
  /** Epoch ms: row `updatedAt`, and which rows count as expired on read. */
  now(): number;
}

export interface StoreOptions {
  /** Retention per window length (default {@link DEFAULT_RETENTION_SECONDS}); only these lengths can be stored. */
  readonly retention?: RetentionTiers;
  /** The engine's sketch capacity; partials of another capacity are refused (default the engine's). */
  readonly sketchCapacity?: number;
  /** Length of top-K lists in query results (default the engine's, 10). */
  readonly topK?: number;
  /** A row's encoded body up to this many bytes stays in the row; larger bodies go to chunk rows. */
  readonly inlineBodyMaxBytes?: number;
  /** Bytes per chunk row. */
  readonly chunkBytes?: number;
  /** Bodies whose JSON is larger than this are gzip-compressed. */
  readonly gzipAboveBytes?: number;
  /**
   * zlib level of those bodies: 1 (fastest) to 9 (smallest). The cloud pays DynamoDB by the KB
   * written; a local store on disk pays in CPU, and 1 compresses several times faster.
   * @default 6
   */
  readonly gzipLevel?: number;
  /** Sources whose watermark a row keeps; beyond, the least recently merged is forgotten. */
  readonly maxSourcesPerRow?: number;
  /** Read-modify-write attempts per row before a MergeConflictError. */
  readonly maxMergeAttempts?: number;
  /** First backoff after a lost race, doubled per attempt up to maxBackoffMs, with full jitter. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Rows written in parallel by one batch, and series read in parallel by one query. */
  readonly concurrency?: number;
  /**
   * Window rows this store keeps decoded after writing them (row/row-cache.ts), so the next merge
   * into one skips reading and decoding it. Each holds a window's sketches (up to a few MB for the
   * busiest rows). Worth it for a long-lived writer that merges into the same rows again and again
   * (the local runtime's store worker); 0 turns it off.
   * @default 0
   */
  readonly rowCacheEntries?: number;
  readonly scheduler?: StoreScheduler;
}

export type ResolvedStoreOptions = Required<StoreOptions>;

/**
 * DynamoDB items are at most 400 KB, attribute names included. 300,000 bytes of body leaves
 * 100 KB for the keys, the per-source watermarks (maxSourcesPerRow of them) and the rest.
 */
export const DEFAULT_INLINE_BODY_MAX_BYTES = 300_000;
export const DEFAULT_CHUNK_BYTES = 300_000;
/** Below ~1 KB gzip's header and dictionary cost more than they save. */
export const DEFAULT_GZIP_ABOVE_BYTES = 1024;
/** Kinesis shards, or local replay sources, writing into one window; ~100 bytes each. */
export const DEFAULT_MAX_SOURCES_PER_ROW = 256;
export const DEFAULT_MAX_MERGE_ATTEMPTS = 40;
export const DEFAULT_BASE_BACKOFF_MS = 5;
export const DEFAULT_MAX_BACKOFF_MS = 250;
export const DEFAULT_CONCURRENCY = 8;
/** Hard limit of DynamoDB (and dynalite) for one item. */
export const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;

export const systemScheduler: StoreScheduler = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  now: () => Date.now(),
};

/** Defaults filled in and every option checked. @throws StoreConfigError naming the option. */
export function resolveStoreOptions(options: StoreOptions = {}): ResolvedStoreOptions {
  const resolved: ResolvedStoreOptions = {
    retention: checkRetentionTiers(options.retention ?? DEFAULT_RETENTION_SECONDS),
    sketchCapacity: options.sketchCapacity ?? DEFAULT_SKETCH_CAPACITY,
    topK: options.topK ?? DEFAULT_TOP_K,
    inlineBodyMaxBytes: options.inlineBodyMaxBytes ?? DEFAULT_INLINE_BODY_MAX_BYTES,
    chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    gzipAboveBytes: options.gzipAboveBytes ?? DEFAULT_GZIP_ABOVE_BYTES,
    gzipLevel: options.gzipLevel ?? DEFAULT_GZIP_LEVEL,
    maxSourcesPerRow: options.maxSourcesPerRow ?? DEFAULT_MAX_SOURCES_PER_ROW,
    maxMergeAttempts: options.maxMergeAttempts ?? DEFAULT_MAX_MERGE_ATTEMPTS,
    baseBackoffMs: options.baseBackoffMs ?? DEFAULT_BASE_BACKOFF_MS,
    maxBackoffMs: options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    rowCacheEntries: options.rowCacheEntries ?? 0,
    scheduler: options.scheduler ?? systemScheduler,
  };
  for (const name of ['sketchCapacity', 'topK', 'inlineBodyMaxBytes', 'chunkBytes', 'maxSourcesPerRow', 'maxMergeAttempts', 'concurrency'] as const) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 1) throw new StoreConfigError(`${name} must be a positive integer, got ${String(value)}`);
  }
  if (!Number.isInteger(resolved.gzipLevel) || resolved.gzipLevel < 1 || resolved.gzipLevel > 9) {
    throw new StoreConfigError(`gzipLevel must be a whole number from 1 to 9, got ${String(resolved.gzipLevel)}`);
  }
  if (!Number.isSafeInteger(resolved.rowCacheEntries) || resolved.rowCacheEntries < 0) {
    throw new StoreConfigError(`rowCacheEntries must be a whole number >= 0, got ${String(resolved.rowCacheEntries)}`);
  }
  for (const name of ['gzipAboveBytes', 'baseBackoffMs', 'maxBackoffMs'] as const) {
    const value = resolved[name];
    if (!Number.isFinite(value) || value < 0) throw new StoreConfigError(`${name} must be a number >= 0, got ${String(value)}`);
  }
  if (resolved.inlineBodyMaxBytes > DEFAULT_INLINE_BODY_MAX_BYTES || resolved.chunkBytes > DEFAULT_CHUNK_BYTES) {
    throw new StoreConfigError(`inlineBodyMaxBytes and chunkBytes cannot exceed ${DEFAULT_INLINE_BODY_MAX_BYTES}: a row must stay under DynamoDB's 400 KB item limit`);
  }
  return resolved;
}
