import { type CompiledCustomMetricDefinition } from '@trailpulse/analytics';
import { type MergeBatchResult, type MetricsStore, type RowKinds, type SeriesPartial } from '@trailpulse/metrics-store';
import { type SourcePosition } from '../sources';
import { type SeriesTransfer } from './batch-accumulator';

/** One write-behind group on its way into the store (what WriteBehind hands its writer). */
export interface GroupWrite {
  readonly sourceId: string;
  /** The store batch's sequence: the group's last batch seq. */
  readonly seq: number;
  /** The source checkpoint once the rows are merged. */
  readonly position: SourcePosition;
  readonly windowSeconds: number;
  readonly windows: readonly SeriesPartial[];
  /** The windows as engine transfers instead (the writer makes the partials): used when `windows` is empty. */
  readonly transfers?: readonly SeriesTransfer[];
  /** Record `seq` as the source's flush intent before the rows (see write-behind.ts, crash safety). */
  readonly recordIntent: boolean;
  /** Which rows: MergeBatchInput's rowsByLength and concurrency (default: every row of every length). */
  readonly rows?: GroupRows;
}

export interface GroupRows {
  readonly rowsByLength?: Readonly<Record<number, RowKinds>>;
  readonly concurrency?: number;
}

/** Merges groups into the store: in this thread (storeGroupWriter), or on the store worker thread. */
export interface GroupWriter {
  /** `onAggregateMerged`: the all-accounts rows hold the group (MergeBatchInput.onAggregateMerged). */
  write(group: GroupWrite, customMetrics: readonly CompiledCustomMetricDefinition[], onAggregateMerged?: () => void): Promise<MergeBatchResult>;
}

/**
 * The checkpoint holding the sequence of the group being merged when it is not yet the source's
 * checkpoint. Written before the group's rows: if the process dies between the rows, the restart
 * knows which sequence some rows already hold.
 */
export function flushIntentId(sourceId: string): string {
  return `flush-intent:${sourceId}`;
}

/**
 * The intent (when asked), then the rows and the source checkpoint, through `store`. Transfers are
 * taken over by the store (MergeBatchInput.transfers): `ownsTransfers` says they are this writer's to
 * take (a worker thread's copies); otherwise they are copied first, as the caller may still hand them on.
 */
export function storeGroupWriter(store: MetricsStore, ownsTransfers = false): GroupWriter {
  return {
    async write(group, customMetrics, onAggregateMerged) {
      const transfers = group.transfers === undefined ? undefined : ownsTransfers ? group.transfers : structuredClone(group.transfers);
      if (group.recordIntent) await store.advanceCheckpoint(flushIntentId(group.sourceId), group.seq);
      return store.writeBatch(
        {
          batch: { source: group.sourceId, sequence: group.seq },
          windowSeconds: group.windowSeconds,
          windows: group.windows,
          ...(transfers === undefined ? {} : { transfers }),
          customMetrics,
          ...group.rows,
          ...(onAggregateMerged === undefined ? {} : { onAggregateMerged }),
        },
        group.position,
      );
    },
  };
}
