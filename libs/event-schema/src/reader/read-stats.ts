/** Running totals over read batches, in the shape of the spec's `events` block plus file bookkeeping. */
import { eventTypeKey } from '../normalize';
import { type ReadBatch } from './read-records';

export interface ReadStats {
  /** Records read: always accepted + rejected. */
  read: number;
  accepted: number;
  rejected: number;
  rejectReasons: Record<string, number>;
  /** Accepted records by `eventType`, "(absent)" when missing or null. */
  byEventType: Record<string, number>;
  /** Sources read to their end. */
  filesRead: number;
  /** Files not read (e.g. unsupported-extension) and documents inside files skipped (e.g. cloudtrail-digest). */
  filesSkipped: { path: string; reason: string }[];
  /** Raw bytes consumed, over all sources. */
  bytesRead: number;
}

/** Bytes already counted of the source being read; batches carry cumulative counts per source. */
const countedOfCurrentSource = new WeakMap<ReadStats, number>();

export function createReadStats(): ReadStats {
  // Null-prototype maps: keys come from the data ("__proto__" must be a plain key).
  return {
    read: 0,
    accepted: 0,
    rejected: 0,
    rejectReasons: Object.create(null) as Record<string, number>,
    byEventType: Object.create(null) as Record<string, number>,
    filesRead: 0,
    filesSkipped: [],
    bytesRead: 0,
  };
}

export function addBatch(stats: ReadStats, batch: ReadBatch): void {
  stats.accepted += batch.accepted.length;
  stats.rejected += batch.rejected.length;
  stats.read = stats.accepted + stats.rejected;
  for (const { reason } of batch.rejected) stats.rejectReasons[reason] = (stats.rejectReasons[reason] ?? 0) + 1;
  for (const { record } of batch.accepted) {
    const key = eventTypeKey(record);
    stats.byEventType[key] = (stats.byEventType[key] ?? 0) + 1;
  }
  for (const { reason, location } of batch.skipped) stats.filesSkipped.push({ path: location.source, reason });
  const counted = countedOfCurrentSource.get(stats) ?? 0;
  stats.bytesRead += batch.bytesRead - counted;
  countedOfCurrentSource.set(stats, batch.endOfSource ? 0 : batch.bytesRead);
  if (batch.endOfSource && !batch.skipped.some(isWholeFileSkip)) stats.filesRead++;
}

/** A file skipped before reading (not a document inside a file that was read). */
function isWholeFileSkip(skip: ReadBatch['skipped'][number]): boolean {
  return skip.reason === 'unsupported-extension' || skip.reason === 'unreadable';
}
