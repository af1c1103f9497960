/**
 * Cuts the items of one file into batches. The cut depends only on the items themselves (never on wall
 * time nor on the replay speed), so the same inputs always give the same batches: that is what lets a
 * restarted replay hand out the same `seq` for the same records. A batch ends
 * - after `maxRecords` records (accepted + rejected),
 * - before an accepted record whose eventTime is `maxEventSpanMs` or more away from the batch's first one
 *   (so paced replays hand records over close to their time),
 * - at the end of the file (a batch never spans two files).
 */
import { type CloudTrailLikeRecord, type RejectedRecord, type SkippedInput } from '@trailpulse/event-schema';
import { type FileItem } from './file-items';

export const DEFAULT_MAX_BATCH_RECORDS = 1000;
export const DEFAULT_MAX_BATCH_EVENT_SPAN_MS = 1000;

export interface BatchLimits {
  readonly maxRecords: number;
  readonly maxEventSpanMs: number;
}

/** The limits a file source batches with: its options over the defaults. */
export function resolveBatchLimits(limits: Partial<BatchLimits> | undefined): BatchLimits {
  return {
    maxRecords: limits?.maxRecords ?? DEFAULT_MAX_BATCH_RECORDS,
    maxEventSpanMs: limits?.maxEventSpanMs ?? DEFAULT_MAX_BATCH_EVENT_SPAN_MS,
  };
}

export interface FileChunk {
  readonly records: CloudTrailLikeRecord[];
  readonly rejects: RejectedRecord[];
  readonly skipped: SkippedInput[];
  /** Largest eventTime of the accepted records (undefined without any). */
  readonly maxEventTimeMs: number | undefined;
  /** Record index of the file to resume at after this chunk. */
  readonly nextIndex: number;
  readonly endOfFile: boolean;
}

class ChunkBuilder {
  readonly records: CloudTrailLikeRecord[] = [];
  readonly rejects: RejectedRecord[] = [];
  readonly skipped: SkippedInput[] = [];
  firstEventTimeMs: number | undefined;
  maxEventTimeMs: number | undefined;

  /** `nextIndex`: the record index after the items added so far. */
  constructor(public nextIndex: number) {}

  get size(): number {
    return this.records.length + this.rejects.length;
  }

  get isEmpty(): boolean {
    return this.size === 0 && this.skipped.length === 0;
  }

  add(item: Exclude<FileItem, { kind: 'skipped' }>): void {
    if (item.kind === 'accepted') {
      this.records.push(item.record);
      this.firstEventTimeMs ??= item.eventTimeMs;
      this.maxEventTimeMs = Math.max(this.maxEventTimeMs ?? item.eventTimeMs, item.eventTimeMs);
    } else {
      this.rejects.push(item.rejected);
    }
    this.nextIndex = item.index + 1;
  }

  spanExceededBy(item: FileItem, maxEventSpanMs: number): boolean {
    return item.kind === 'accepted' && this.firstEventTimeMs !== undefined && Math.abs(item.eventTimeMs - this.firstEventTimeMs) >= maxEventSpanMs;
  }

  build(endOfFile: boolean): FileChunk {
    return {
      records: this.records,
      rejects: this.rejects,
      skipped: this.skipped,
      maxEventTimeMs: this.maxEventTimeMs,
      nextIndex: this.nextIndex,
      endOfFile,
    };
  }
}

/**
 * The chunks of one file's items; `fromIndex` is the record index the items start at. Exactly one chunk
 * has `endOfFile` (the last; empty for a file without records), so a caller always learns where a file ends.
 */
export async function* batchFileItems(items: AsyncIterable<FileItem>, fromIndex: number, limits: BatchLimits): AsyncIterable<FileChunk> {
  let current = new ChunkBuilder(fromIndex);
  // A full chunk waits for the next record: if none comes, it is the file's last and says so.
  let full: ChunkBuilder | undefined;
  for await (const item of items) {
    if (item.kind === 'skipped') {
      current.skipped.push(item.skipped);
      continue;
    }
    if (current.spanExceededBy(item, limits.maxEventSpanMs)) {
      yield current.build(false);
      current = new ChunkBuilder(current.nextIndex);
    }
    if (full !== undefined) {
      yield full.build(false);
      full = undefined;
    }
    current.add(item);
    if (current.size >= limits.maxRecords) {
      full = current;
      current = new ChunkBuilder(current.nextIndex);
    }
  }
  if (full !== undefined && current.isEmpty) {
    yield full.build(true);
    return;
  }
  if (full !== undefined) yield full.build(false);
  yield current.build(true);
}
