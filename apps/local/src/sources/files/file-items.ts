/**
 * One input (a resolved file, or a file the resolver skipped) read through event-schema's readers as a
 * sequence of items in record order: accepted records and rejections interleaved by their record index,
 * and skipped documents. Reading can start at a record index, which is how replay and watch resume
 * inside a file: the file is read again from its start (the readers stream it) and the records before
 * the index are dropped.
 */
import { type CloudTrailLikeRecord, type RejectedRecord, type SkippedInput } from '@trailpulse/event-schema';
import { type InputEntry, readInputs, type SourceBatch as ReaderBatch } from '@trailpulse/event-schema/node';

export type FileItem =
  | { readonly kind: 'accepted'; readonly index: number; readonly record: CloudTrailLikeRecord; readonly eventTimeMs: number }
  | { readonly kind: 'rejected'; readonly index: number; readonly rejected: RejectedRecord }
  | { readonly kind: 'skipped'; readonly skipped: SkippedInput };

/** The items of `entry` whose record index is `fromIndex` or more (all of them from 0). */
export async function* readFileItems(entry: InputEntry, fromIndex: number): AsyncIterable<FileItem> {
  let recordsSeen = 0;
  for await (const batch of readInputs({ entries: [entry], totalBytes: entry.kind === 'file' ? entry.sizeBytes : 0 })) {
    const records = recordItems(batch, recordsSeen);
    recordsSeen += records.length;
    // A skipped document carries no record index; it is reported again after a resume only when it sits in
    // the reader batch that reaches the resume point (skips are diagnostics, never metrics).
    if (fromIndex === 0 || batch.endOfSource || recordsSeen > fromIndex) {
      for (const skipped of batch.skipped) yield { kind: 'skipped', skipped };
    }
    for (const item of records) if (item.index >= fromIndex) yield item;
  }
}

/** Accepted and rejected records of one reader batch, in record order. */
function recordItems(batch: ReaderBatch, recordsBefore: number): Exclude<FileItem, { kind: 'skipped' }>[] {
  const items: Exclude<FileItem, { kind: 'skipped' }>[] = [
    ...batch.accepted.map((accepted) => ({ kind: 'accepted' as const, index: indexOf(accepted.location.index), record: accepted.record, eventTimeMs: accepted.eventTimeMs })),
    ...batch.rejected.map((rejected) => ({ kind: 'rejected' as const, index: indexOf(rejected.location.index), rejected })),
  ];
  items.sort((a, b) => a.index - b.index);
  // The readers number every record of a source; this check keeps resume positions honest if that ever changes.
  items.forEach((item, offset) => {
    if (item.index !== recordsBefore + offset) throw new FileItemOrderError(batch.source, recordsBefore + offset, item.index);
  });
  return items;
}

function indexOf(index: number | undefined): number {
  return index ?? -1;
}

/** The readers' record indexes are not consecutive: a resume position inside this file would be wrong. */
export class FileItemOrderError extends Error {
  override readonly name = 'FileItemOrderError';

  constructor(
    readonly source: string,
    readonly expectedIndex: number,
    readonly actualIndex: number,
  ) {
    super(`${source}: expected record index ${expectedIndex} from the reader, got ${actualIndex}; cannot track a resume position in this file`);
  }
}
