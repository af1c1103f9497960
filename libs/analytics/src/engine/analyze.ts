import { addBatch, createReadStats, type ReadBatch, type ReadStats } from '@trailpulse/event-schema';
import { type BatchOutput } from '../output/metrics-output';
import { eventCountsOf } from '../output/event-counts';
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
  return { events: eventCountsOf(stats), windowSeconds: engine.windowSeconds, windows: engine.flush() };
}
