import { addBatch, createReadStats, type ReadBatch, type ReadStats } from '@trailpulse/event-schema';
import { type BatchOutput, type EventCounts } from '../output/metrics-output';
import { createEngine } from './engine';
import { type EngineOptions } from './engine-options';

/** Batch analysis sees all input before any window closes, so streaming-only options do not apply. */
export interface AnalyzeOptions extends Omit<EngineOptions, 'clock' | 'allowedLatenessMs' | 'revisionHorizonMs'> {
  /** Called after every batch with the running read statistics (e.g. for a progress bar). */
  readonly onProgress?: (stats: Readonly<ReadStats>) => void;
}

/**
 * `trailpulse analyze`: reads every batch, then closes all windows at once, so the result does not
 * depend on the order of records or files. The output is metrics.md's batch output exactly.
 */
export async function analyzeBatches(batches: AsyncIterable<ReadBatch>, options: AnalyzeOptions): Promise<BatchOutput> {
  const { onProgress, ...engineOptions } = options;
  const engine = createEngine(engineOptions);
  const stats = createReadStats();
  for await (const batch of batches) {
    addBatch(stats, batch);
    for (const accepted of batch.accepted) engine.add(accepted);
    onProgress?.(stats);
  }
  return { events: eventCounts(stats), windowSeconds: engine.windowSeconds, windows: engine.flush() };
}

function eventCounts(stats: ReadStats): EventCounts {
  return {
    read: stats.read,
    accepted: stats.accepted,
    rejected: stats.rejected,
    rejectReasons: inKeyOrder(stats.rejectReasons),
    byEventType: inKeyOrder(stats.byEventType),
  };
}

/** A plain object with the keys sorted, so the JSON output is stable. */
function inKeyOrder(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
