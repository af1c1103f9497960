/** Test helpers: drain a source, and read inputs the way event-schema's readers do. */
import { addBatch, type CloudTrailLikeRecord, createReadStats, type ReadStats } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { type SourceBatch, type StartOptions, type Source } from '../source';

export async function collectBatches(source: Source, options: StartOptions = {}, limit = Number.POSITIVE_INFINITY): Promise<SourceBatch[]> {
  const batches: SourceBatch[] = [];
  if (limit <= 0) return batches;
  for await (const batch of source.start(options)) {
    batches.push(batch);
    if (batches.length >= limit) break;
  }
  return batches;
}

export interface ReaderOutput {
  readonly stats: ReadStats;
  readonly records: CloudTrailLikeRecord[];
}

/** What event-schema's readers make of `paths`: the reference a replay must match. */
export async function readWithReaders(paths: readonly string[]): Promise<ReaderOutput> {
  const stats = createReadStats();
  const records: CloudTrailLikeRecord[] = [];
  for await (const batch of readPaths(paths)) {
    addBatch(stats, batch);
    // Within a reader batch, accepted records are in source order already.
    for (const accepted of batch.accepted) records.push(accepted.record);
  }
  return { stats, records };
}

export function countReasons(reasons: readonly { readonly reason: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { reason } of reasons) counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
}
