/** Messages between analyzeFiles and its scan workers (structured-cloned, so plain data only). */
import { type CustomMetricDefinition } from '../custom/definition-schema';
import { type EngineTransfer } from '../engine';

/** What every worker needs to build the same engine and reader as a single pass would. */
export interface ScanWorkerData {
  readonly windowSeconds: number;
  readonly topK?: number;
  readonly sketchCapacity?: number;
  readonly maxRecordBytes?: number;
  readonly maxTextBytes?: number;
  /**
   * The custom metrics' plain definitions, in the engine's order: compiled metrics are closures
   * and cannot be sent, so each worker compiles its own (compileCustomMetric) from these.
   */
  readonly customMetrics?: readonly CustomMetricDefinition[];
}

/** Bytes [start, end) of a plain NDJSON file, starting and ending at line boundaries. */
export interface ByteRange {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

export type ToWorker = { readonly kind: 'range'; readonly range: ByteRange } | { readonly kind: 'finish' };

/** The counts of one range: ReadStats without the per-file bookkeeping, maps as entry lists. */
export interface RangeCounts {
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectReasons: readonly (readonly [string, number])[];
  readonly byEventType: readonly (readonly [string, number])[];
  readonly skippedDocuments: readonly string[];
  readonly bytesRead: number;
}

export type FromWorker =
  | { readonly kind: 'range-done'; readonly range: ByteRange; readonly counts: RangeCounts }
  | { readonly kind: 'snapshot'; readonly snapshot: EngineTransfer }
  | { readonly kind: 'failed'; readonly message: string; readonly stack: string | undefined };
