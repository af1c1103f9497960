import { type ReadStats } from '@trailpulse/event-schema';
import { type EventCounts } from './metrics-output';

/** The `events` block of the batch output from running read statistics, keys sorted as analyzeBatches sorts them. */
export function eventCountsOf(stats: Readonly<ReadStats>): EventCounts {
  return {
    read: stats.read,
    accepted: stats.accepted,
    rejected: stats.rejected,
    rejectReasons: inKeyOrder(stats.rejectReasons),
    byEventType: inKeyOrder(stats.byEventType),
  };
}

/** A plain object with the keys sorted (UTF-16 order), so the JSON output is stable. */
function inKeyOrder(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
