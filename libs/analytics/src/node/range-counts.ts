/** The counts of one scanned range as a message, and back into running read statistics. */
import { type ReadStats } from '@trailpulse/event-schema';
import { type RangeCounts } from './worker-protocol';

export function rangeCountsOf(stats: Readonly<ReadStats>): RangeCounts {
  return {
    accepted: stats.accepted,
    rejected: stats.rejected,
    // Entry lists rather than objects: keys come from the data, and "__proto__" must stay a plain key.
    rejectReasons: Object.entries(stats.rejectReasons),
    byEventType: Object.entries(stats.byEventType),
    skippedDocuments: stats.filesSkipped.map(({ reason }) => reason),
    bytesRead: stats.bytesRead,
  };
}

/** Adds a range's counts to `stats`; `source` names the file for skipped documents. */
export function addRangeCounts(stats: ReadStats, counts: RangeCounts, source: string): void {
  stats.accepted += counts.accepted;
  stats.rejected += counts.rejected;
  stats.read = stats.accepted + stats.rejected;
  for (const [reason, count] of counts.rejectReasons) stats.rejectReasons[reason] = (stats.rejectReasons[reason] ?? 0) + count;
  for (const [eventType, count] of counts.byEventType) stats.byEventType[eventType] = (stats.byEventType[eventType] ?? 0) + count;
  for (const reason of counts.skippedDocuments) stats.filesSkipped.push({ path: source, reason });
  stats.bytesRead += counts.bytesRead;
}
