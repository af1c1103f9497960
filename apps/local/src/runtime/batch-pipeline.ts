import { type CompiledCustomMetricDefinition } from '@trailpulse/analytics';
import { type AcceptedRecord, judgeRecord } from '@trailpulse/event-schema';
import { batchPartials, type MetricsStore } from '@trailpulse/metrics-store';
import { type SourceBatch } from '../sources';
import { type IngestStats } from './ingest-stats';
import { type RecentEvents } from './recent-events';

/** The finest window the runtime computes; the store rolls 10 s partials up into 60 s and 3600 s rows. */
export const BASE_WINDOW_SECONDS = 10;

export interface BatchPipelineDeps {
  readonly store: MetricsStore;
  readonly recent: RecentEvents;
  readonly stats: IngestStats;
  /** The custom metrics in force when the batch is merged. */
  readonly customMetrics: () => readonly CompiledCustomMetricDefinition[];
}

export interface MergedBatch {
  readonly accepted: number;
  /** Start (epoch ms) of every base window the batch added to. */
  readonly windowStartsMs: readonly number[];
  /** Latest eventTime in the batch, or undefined when it had no accepted record. */
  readonly maxEventTimeMs: number | undefined;
  /** The store had merged this batch before (a replay after a crash): nothing was counted twice. */
  readonly duplicate: boolean;
}

/**
 * One source batch into the store: judge its records (the sources hand raw objects), compute the
 * batch's own window partials per account and region, merge them exactly once per (source, seq)
 * and move the source's checkpoint with them. A crash anywhere in here is safe: a restart resumes
 * from the last checkpoint and the store skips the rows that already hold the re-sent batch.
 */
export async function mergeSourceBatch(batch: SourceBatch, deps: BatchPipelineDeps): Promise<MergedBatch> {
  const accepted: AcceptedRecord[] = [];
  const starts = new Set<number>();
  const windowMs = BASE_WINDOW_SECONDS * 1000;
  let maxEventTimeMs: number | undefined;
  for (const [index, raw] of batch.records.entries()) {
    const verdict = judgeRecord(raw);
    if (!verdict.accepted) {
      deps.stats.addRejected(verdict.reason);
      continue;
    }
    accepted.push({ record: verdict.record, eventTimeMs: verdict.eventTimeMs, sizeBytes: 0, location: { source: `${batch.sourceId}#${batch.seq}`, index } });
    starts.add(Math.floor(verdict.eventTimeMs / windowMs) * windowMs);
    if (maxEventTimeMs === undefined || verdict.eventTimeMs > maxEventTimeMs) maxEventTimeMs = verdict.eventTimeMs;
  }
  for (const reject of batch.rejects ?? []) deps.stats.addRejected(reject.reason);
  const customMetrics = deps.customMetrics();
  const windows = batchPartials(accepted, { windowSeconds: BASE_WINDOW_SECONDS, customMetrics });
  const result = await deps.store.writeBatch(
    { batch: { source: batch.sourceId, sequence: batch.seq }, windowSeconds: BASE_WINDOW_SECONDS, windows, customMetrics },
    batch.position,
  );
  const duplicate = result.rows > 0 && result.merged === 0;
  if (!duplicate) {
    deps.stats.addAccepted(accepted.length);
    for (const record of accepted) deps.recent.add(record);
  }
  deps.stats.batches += 1;
  return { accepted: accepted.length, windowStartsMs: [...starts].sort((a, b) => a - b), maxEventTimeMs, duplicate };
}
