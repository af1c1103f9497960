import { type CompiledCustomMetricDefinition } from '@trailpulse/analytics';
import { type MetricsStore } from '@trailpulse/metrics-store';
import { type IngestStats } from './ingest-stats';
import { type RecentEvents } from './recent-events';
import { type GroupWriter } from './group-writer';
import { type FlushedGroup, WriteBehind } from './write-behind';

/** The finest window the runtime computes; the store rolls 10 s partials up into 60 s and 3600 s rows. */
export const BASE_WINDOW_SECONDS = 10;

export interface BatchPipelineDeps {
  readonly store: MetricsStore;
  readonly recent: RecentEvents;
  readonly stats: IngestStats;
  /** The custom metrics in force when a group of batches starts. */
  readonly customMetrics: () => readonly CompiledCustomMetricDefinition[];
  readonly flushIntervalMs?: number;
  readonly maxRecords?: number;
  /** @default the store in this thread; the runtime passes its store worker. */
  readonly writer?: GroupWriter;
}

/**
 * One source's batches into the store (write-behind, see write-behind.ts): records are judged as
 * they come (the sources hand raw objects), accepted ones go to the recent-events ring at once (the
 * ring is not persisted, so a replay after a crash refills it rather than doubling it), and the
 * counters of accepted records move when their group is merged, unless the store had it already.
 */
export function openSourcePipeline(sourceId: string, deps: BatchPipelineDeps, onFlushed: (group: FlushedGroup) => void): Promise<WriteBehind> {
  return WriteBehind.open({
    store: deps.store,
    sourceId,
    windowSeconds: BASE_WINDOW_SECONDS,
    customMetrics: deps.customMetrics,
    ...(deps.flushIntervalMs === undefined ? {} : { flushIntervalMs: deps.flushIntervalMs }),
    ...(deps.maxRecords === undefined ? {} : { maxRecords: deps.maxRecords }),
    ...(deps.writer === undefined ? {} : { writer: deps.writer }),
    onAccepted: (record) => deps.recent.add(record),
    onScanned: (record) => deps.recent.addScanned(record),
    onRejected: (reason) => deps.stats.addRejected(reason),
    onFlushed: (group) => {
      if (!group.duplicate) deps.stats.addAccepted(group.accepted);
      deps.stats.batches += group.batches;
      onFlushed(group);
    },
  });
}
