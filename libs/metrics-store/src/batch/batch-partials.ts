import { type CompiledCustomMetric, createEngine, type EngineOptions } from '@trailpulse/analytics';
import { type AcceptedRecord } from '@trailpulse/event-schema';
import { type SeriesPartial } from '../write/merge-batch';
import { seriesOf } from './series';

export interface BatchPartialsOptions {
  readonly windowSeconds: number;
  readonly sketchCapacity?: number;
  readonly customMetrics?: readonly CompiledCustomMetric[];
}

/**
 * The window partials of one batch of records, per (account, region): one engine per series, its
 * snapshot's windows. What a writer hands to mergeBatch. The engines see only this batch, so the
 * partials are the batch's delta, which is what makes a batch id a meaningful unit of idempotence.
 */
export function batchPartials(records: Iterable<AcceptedRecord>, options: BatchPartialsOptions): SeriesPartial[] {
  const engineOptions: EngineOptions = {
    windowSeconds: options.windowSeconds,
    ...(options.sketchCapacity === undefined ? {} : { sketchCapacity: options.sketchCapacity }),
    ...(options.customMetrics === undefined ? {} : { customMetrics: options.customMetrics }),
  };
  const engines = new Map<string, { account: string; region: string; engine: ReturnType<typeof createEngine> }>();
  for (const accepted of records) {
    const { account, region } = seriesOf(accepted.record);
    const key = `${account}\u0000${region}`;
    let entry = engines.get(key);
    if (entry === undefined) {
      entry = { account, region, engine: createEngine(engineOptions) };
      engines.set(key, entry);
    }
    entry.engine.add(accepted);
  }
  const partials: SeriesPartial[] = [];
  for (const { account, region, engine } of engines.values()) {
    for (const window of engine.snapshot().windows) partials.push({ account, region, partial: window.partial });
  }
  return partials;
}
