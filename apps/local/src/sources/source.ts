/**
 * What every event source of the local runtime (demo traffic, replay, watched folder, HTTP ingest)
 * hands to the runtime: numbered batches of raw CloudTrail records, each with the position to resume
 * from once that batch is safely merged.
 *
 * Crash safety rests on two properties every source keeps:
 * - `(sourceId, seq)` names a batch for good: `seq` strictly increases within a source, and a source
 *   restarted from a checkpoint yields the batches after it again with the same seqs and records
 *   (replay, watch, demo) or with seqs never used before (HTTP ingest). A store that merges a batch at
 *   most once per `(sourceId, seq)` therefore never double counts.
 * - `position` travels with its batch, so the runtime checkpoints it together with the partials merged
 *   from that batch (one atomic write), and a restart resumes right after the last merged batch.
 */
import { type RejectedRecord, type SkippedInput } from '@trailpulse/event-schema';
import { type ScannedRecord } from './scanned-record';

/** A source's resume point: plain JSON, opaque to the runtime, checked by the source that reads it back. */
export type SourcePosition = { readonly [key: string]: unknown };

export interface SourceBatch {
  readonly sourceId: string;
  /** Strictly increasing within the source, stable across restarts (see the file comment). */
  readonly seq: number;
  /** Raw CloudTrail records, in the order the source produced them. */
  readonly records: readonly unknown[];
  /** Records already accepted by the byte scanner (HTTP ingest of NDJSON): facts and text, no judging again. */
  readonly scanned?: readonly ScannedRecord[];
  /** Records the readers rejected, with reason and location (replay and watch). */
  readonly rejects?: readonly RejectedRecord[];
  /** Files or documents deliberately not read as records (unsupported extension, digest files, corrupt gzip). */
  readonly skipped?: readonly SkippedInput[];
  /** Where to resume once this batch is merged. */
  readonly position: SourcePosition;
}

export interface StartOptions {
  /** A position from an earlier batch of a source with the same id and arguments. */
  readonly from?: SourcePosition;
  /** Shutdown: the source stops at the next batch boundary or sleep, and the iteration ends. */
  readonly signal?: AbortSignal;
}

export interface Source {
  /** Stable across restarts with the same arguments: checkpoints and batch ids are keyed by it. */
  readonly id: string;
  /** The batches from `from` (or the beginning) on. Start a source once at a time. */
  start(options?: StartOptions): AsyncIterable<SourceBatch>;
  /** The position after the last batch yielded (the start position before the first one). */
  position(): SourcePosition | undefined;
}

/** What the runtime stores per source, in the same write as the partials merged from batch `seq`. */
export interface SourceCheckpoint {
  readonly sourceId: string;
  readonly seq: number;
  readonly position: SourcePosition;
}

/** Where checkpoints live (the runtime's embedded store); the sources only need this much of it. */
export interface CheckpointStore {
  load(sourceId: string): Promise<SourceCheckpoint | undefined>;
  save(checkpoint: SourceCheckpoint): Promise<void>;
}

/** Starts `source` after its last checkpoint in `store`, or from the beginning when it has none. */
export async function startFromCheckpoint(source: Source, store: CheckpointStore, signal?: AbortSignal): Promise<AsyncIterable<SourceBatch>> {
  const checkpoint = await store.load(source.id);
  const options: StartOptions = { ...(checkpoint === undefined ? {} : { from: checkpoint.position }), ...(signal === undefined ? {} : { signal }) };
  return source.start(options);
}
