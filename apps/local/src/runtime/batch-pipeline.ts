import { type CompiledCustomMetricDefinition } from '@trailpulse/analytics';
import { type MetricsStore } from '@trailpulse/metrics-store';
import { type SourceBatch } from '../sources';
import { type GroupWriter } from './group-writer';
import { type IngestStats } from './ingest-stats';
import { type RecentEvents } from './recent-events';
import { type AccumulatedGroup, type PipelineBatch } from './batch-accumulator';
import { DEFAULT_CLOSE_LATENESS_MS, lastClosableStartMs } from './window-closer';
import { type FlushedGroup, WriteBehind } from './write-behind';

/** The finest window the runtime computes; the store rolls 10 s partials up into 60 s and 3600 s rows. */
export const BASE_WINDOW_SECONDS = 10;
/** The coarser window lengths the store rolls the 10 s partials up into. */
export const ROLL_UP_WINDOW_SECONDS = [60, 3600] as const;
/**
 * How long the bulk write-behind holds groups before one merge. Its rows are the many and the large
 * ones (every account and region, and the roll-ups with an hour's sketches), and each merge rewrites
 * every one it touches whole, however little it adds: the cost is per merge, not per record.
 * Rewriting them with every live group cost more than everything else the runtime does; every 5 s
 * (and every 200,000 records, i.e. every 4 s at 50,000/s) they were still a third of all the work.
 * Measured (`npm run bench -- local`, 500,000 records, CPU from the first POST until every row holds
 * every call, two interleaved pairs): 36.9 / 29.5 ms per 1,000 records at 10 s against 49.2 / 46.8 at
 * 5 s. The price: filtered and coarse windows trail the live ones by up to 10 s plus a merge.
 */
export const DEFAULT_BULK_FLUSH_INTERVAL_MS = 10_000;
/**
 * Records the bulk write-behind holds before a merge is due whatever the time. Its groups are engine
 * transfers, whose size is bounded by the sketches (keys per window and series), not by records:
 * this only keeps a burst from holding more than ~20 s of input at 50,000 records/s.
 */
export const DEFAULT_BULK_FLUSH_MAX_RECORDS = 1_000_000;
/**
 * How long the live write-behind holds a group that closes no window. Such a group only freshens
 * the open window's rows (what a query of the current window sees), and each merge rewrites those
 * rows whole: sketches of up to 10,000 keys, four times a second at the old 250 ms.
 */
export const DEFAULT_LIVE_QUIET_FLUSH_MS = 1_000;
/**
 * How long it holds a group that lets a 10 s window close (an eventTime past a window's end by the
 * closer's lateness that no earlier group reached): the window reaches the live feed that much
 * after the record that closed it arrived, plus the merge.
 */
export const DEFAULT_LIVE_CLOSING_FLUSH_MS = 250;
/**
 * Live groups handed over and not yet taken in by the bulk write-behind before the source waits:
 * a live group comes every 250 ms to 1 s, so about a minute of input at most.
 */
const MAX_PENDING_HAND_OVERS = 64;
/** Rows a bulk merge writes at once: few, so the live merges in between are not kept waiting. */
const BULK_CONCURRENCY = 2;
/** The rows of the live write-behind: the all-accounts 10 s windows the live feed publishes. */
const LIVE_ROWS = { [BASE_WINDOW_SECONDS]: 'aggregate' } as const;
/** The rows of the bulk write-behind: everything else. */
const BULK_ROWS = { [BASE_WINDOW_SECONDS]: 'series', ...Object.fromEntries(ROLL_UP_WINDOW_SECONDS.map((seconds) => [seconds, 'both'])) } as const;

/** The batch source id of a source's bulk rows and checkpoint: a pipeline of its own in the store. */
export function bulkSourceId(sourceId: string): string {
  return `${sourceId}#bulk`;
}

export interface BatchPipelineDeps {
  readonly store: MetricsStore;
  readonly recent: RecentEvents;
  readonly stats: IngestStats;
  /** The custom metrics in force when a group of batches starts. */
  readonly customMetrics: () => readonly CompiledCustomMetricDefinition[];
  /** How long the live write-behind holds a group that closes no window. @default DEFAULT_LIVE_QUIET_FLUSH_MS */
  readonly flushIntervalMs?: number;
  /** ... and one that lets a window close. @default DEFAULT_LIVE_CLOSING_FLUSH_MS */
  readonly closingFlushIntervalMs?: number;
  readonly bulkFlushIntervalMs?: number;
  /** @default DEFAULT_BULK_FLUSH_MAX_RECORDS */
  readonly bulkMaxRecords?: number;
  readonly maxRecords?: number;
  /** @default the store in this thread; the runtime passes its store worker. */
  readonly writer?: GroupWriter;
  /** Who merges the bulk groups. @default `writer` */
  readonly bulkWriter?: GroupWriter;
}

export interface PipelineCallbacks {
  /** A group is in the all-accounts 10 s rows: the closer may close 10 s windows up to its watermark. */
  readonly onLiveMerged: (group: AccumulatedGroup) => void;
  /** A group is in every other row: the 60 s and 3600 s windows may close up to its watermark. */
  readonly onBulkMerged: (group: FlushedGroup) => void;
}

/** One source's way into the store (see {@link openSourcePipeline}). */
export interface SourcePipeline {
  add(batch: SourceBatch): Promise<void>;
  /** Merges everything held (both write-behinds); resolves when it is in the store. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One source's batches into the store, as two write-behinds (write-behind.ts) with checkpoints of
 * their own. The live one aggregates the records and merges each group into the all-accounts 10 s
 * rows only: one or two rows, within 250 ms when the group lets a window close, else within 1 s, so
 * a closed 10 s window reaches the live feed in well under a second. Each merged group's windows are then handed over (Engine.transfer: nothing
 * is aggregated twice) to the bulk one, which merges into every other row (the 10 s rows per
 * account and region, the 60 s and 3600 s roll-ups) every 10 s. Queries filtered by account or
 * region, and the 60 s and 3600 s windows, therefore lag the live 10 s windows by up to that.
 *
 * Crash safety: each write-behind merges its groups exactly once by its own (source id, sequence)
 * and flush intent. The bulk one only ever holds what the live one merged, so its checkpoint is
 * never ahead; a restart resumes the source from the bulk checkpoint, the live write-behind skips
 * the batches it merged already, and those go straight to the bulk write-behind instead.
 *
 * Records are judged as they come (the sources hand raw objects or scanned records); accepted ones
 * go to the recent-events ring at once (not persisted, so a replay after a crash refills it), and
 * the counters of accepted records move when their live group is merged, unless the store had it.
 */
export async function openSourcePipeline(sourceId: string, deps: BatchPipelineDeps, callbacks: PipelineCallbacks): Promise<SourcePipeline> {
  const shared = {
    store: deps.store,
    windowSeconds: BASE_WINDOW_SECONDS,
    customMetrics: deps.customMetrics,
    ...(deps.maxRecords === undefined ? {} : { maxRecords: deps.maxRecords }),
    ...(deps.writer === undefined ? {} : { writer: deps.writer }),
  };
  const bulk = await WriteBehind.open({
    ...shared,
    ...(deps.bulkWriter === undefined ? {} : { writer: deps.bulkWriter }),
    sourceId: bulkSourceId(sourceId),
    maxRecords: deps.bulkMaxRecords ?? DEFAULT_BULK_FLUSH_MAX_RECORDS,
    rows: { rowsByLength: BULK_ROWS, concurrency: BULK_CONCURRENCY },
    // Its groups span seconds of every series: snapshotting them here stalled this thread for a second and more.
    asTransfers: true,
    flushIntervalMs: deps.bulkFlushIntervalMs ?? DEFAULT_BULK_FLUSH_INTERVAL_MS,
    onFlushed: (group) => {
      if (!group.duplicate) deps.stats.settled += group.accepted;
      callbacks.onBulkMerged(group);
    },
  });
  // Hand-overs run in order; a failure stops the source at its next batch.
  let handOvers: Promise<void> = Promise.resolve();
  let handOverFailure: unknown;
  let pendingHandOvers = 0;
  const handOver = (batch: PipelineBatch): void => {
    pendingHandOvers += 1;
    handOvers = handOvers
      .then(() => bulk.add(batch))
      .catch((error: unknown) => {
        handOverFailure ??= error;
      })
      .finally(() => {
        pendingHandOvers -= 1;
      });
  };
  const live = await WriteBehind.open({
    ...shared,
    sourceId,
    rows: { rowsByLength: LIVE_ROWS },
    asTransfers: true,
    flushIntervalMs: deps.flushIntervalMs ?? DEFAULT_LIVE_QUIET_FLUSH_MS,
    closingFlush: {
      intervalMs: deps.closingFlushIntervalMs ?? DEFAULT_LIVE_CLOSING_FLUSH_MS,
      lastClosableStartMs: (eventTimeMs) => lastClosableStartMs(eventTimeMs, BASE_WINDOW_SECONDS * 1000, DEFAULT_CLOSE_LATENESS_MS),
    },
    onAccepted: (record) => deps.recent.add(record),
    onScanned: (record) => deps.recent.addScanned(record),
    onRejected: (reason) => deps.stats.addRejected(reason),
    onAggregateMerged: callbacks.onLiveMerged,
    onFlushed: (group) => {
      if (!group.duplicate) deps.stats.addAccepted(group.accepted);
      deps.stats.batches += group.batches;
      handOver({
        sourceId: group.sourceId,
        seq: group.seq,
        position: group.position,
        records: [],
        transfers: group.transfers ?? [],
        customMetrics: group.customMetrics,
        ...(group.maxEventTimeMs === undefined ? {} : { maxEventTimeMs: group.maxEventTimeMs }),
        acceptedInTransfers: group.accepted,
      });
    },
  });
  const throwIfHandOverFailed = (): void => {
    if (handOverFailure !== undefined) throw handOverFailure;
  };
  return {
    async add(batch) {
      throwIfHandOverFailed();
      // The bulk rows fell behind (their merges wait, or run at a lower priority): the source waits
      // rather than the hand-overs piling up in memory.
      while (pendingHandOvers > MAX_PENDING_HAND_OVERS) await handOvers;
      // Merged into the live rows before a restart, not yet into the bulk ones: those take it from the source.
      if (batch.seq <= live.openedAtSeq) await bulk.add(batch);
      else await live.add(batch);
    },
    async flush() {
      await live.flush();
      await handOvers;
      throwIfHandOverFailed();
      await bulk.flush();
    },
    async close() {
      try {
        await live.close();
      } finally {
        await handOvers;
        await bulk.close();
      }
      throwIfHandOverFailed();
    },
  };
}
