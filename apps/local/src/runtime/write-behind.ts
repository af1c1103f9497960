import { type CompiledCustomMetricDefinition } from '@trailpulse/analytics';
import { type MetricsStore } from '@trailpulse/metrics-store';
import { type AccumulatedGroup, BatchAccumulator, type AccumulatorCallbacks, type PipelineBatch } from './batch-accumulator';
import { flushIntentId, type GroupRows, type GroupWriter, storeGroupWriter } from './group-writer';

/** How long a source's batches are held before one merge into the store: well under the live feed's 1 s. */
export const DEFAULT_FLUSH_INTERVAL_MS = 250;
/** Accepted records held per source before a merge is due whatever the time (bounds memory). */
export const DEFAULT_FLUSH_MAX_RECORDS = 200_000;

/** A timer, injected so tests decide when time passes; returns its cancel. */
export type ScheduleTimer = (run: () => void, ms: number) => () => void;

export const systemTimer: ScheduleTimer = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface FlushedGroup extends AccumulatedGroup {
  /** Every row had merged this group before (a replay after a crash): nothing was counted twice. */
  readonly duplicate: boolean;
}

export interface WriteBehindOptions extends AccumulatorCallbacks {
  readonly store: MetricsStore;
  /**
   * Who merges each group into the store.
   * @default the store itself, in this thread (storeGroupWriter); the runtime uses its store worker thread.
   */
  readonly writer?: GroupWriter;
  /** Which rows each group merges into. @default every row of every length */
  readonly rows?: GroupRows;
  /**
   * Each group travels as engine transfers, not snapshots: the store takes them over as they are
   * (MergeBatchInput.transfers, on the store worker thread, not this one), and
   * FlushedGroup.transfers carries them on to a pipeline fed by this one. @default false
   */
  readonly asTransfers?: boolean;
  readonly sourceId: string;
  readonly windowSeconds: number;
  readonly customMetrics: () => readonly CompiledCustomMetricDefinition[];
  /** After each group is merged and checkpointed: the closer may see its watermark now. */
  readonly onFlushed?: (group: FlushedGroup) => void;
  /** When the group's all-accounts rows hold it, before its per-series rows (the live feed's aggregate windows may close). */
  readonly onAggregateMerged?: (group: AccumulatedGroup) => void;
  readonly flushIntervalMs?: number;
  /**
   * A sooner merge for groups that let a window close: once the group holds an eventTime that
   * moves `lastClosableStartMs` (the closer's rule) past where the groups taken before left it,
   * it is due after `intervalMs` instead of `flushIntervalMs`. The live rows then stay prompt where
   * it matters (a closing window reaches the feed as soon as before) and are rewritten less often
   * in between. @default none: every group is due after `flushIntervalMs`
   */
  readonly closingFlush?: { readonly intervalMs: number; readonly lastClosableStartMs: (eventTimeMs: number) => number };
  readonly maxRecords?: number;
  readonly now?: () => number;
  readonly timer?: ScheduleTimer;
}

/** Merges of a source stopped on a store error: the runtime stops that source (as a failed merge did before). */
export class WriteBehindError extends Error {
  override readonly name = 'WriteBehindError';
}

export { flushIntentId } from './group-writer';

/**
 * Write-behind aggregation of one source: batches are folded in memory (BatchAccumulator) and merged
 * into the store as ONE store batch every `flushIntervalMs`, or sooner when `maxRecords` are held,
 * with the last batch's seq as the store sequence and its position as the checkpoint.
 *
 * Crash safety. A crash before a merge loses nothing: the checkpoint still points before the held
 * batches, and the source replays them with the same seqs. A crash in the middle of a merge leaves
 * some rows holding sequence S (the group's last seq) and the checkpoint before the group; the
 * restart must then merge exactly the batches up to S as one group again (a group ending earlier
 * would be skipped by those rows, one ending later would count the batches up to S twice in them).
 * So the sequence is recorded as a flush intent before the rows are written, and a restart with an
 * intent past its checkpoint holds every batch up to that seq and merges them at that seq, whatever
 * the time or size. One merge is in flight at a time; a full accumulator waits for it (backpressure).
 */
export class WriteBehind {
  private readonly accumulator: BatchAccumulator;
  private readonly flushIntervalMs: number;
  private readonly maxRecords: number;
  private readonly now: () => number;
  private readonly timer: ScheduleTimer;
  private readonly writer: GroupWriter;
  private groupStartedAt = 0;
  private cancelTimer: (() => void) | undefined;
  private writing: Promise<void> | undefined;
  private failure: unknown;
  private intentSeq = -1;
  /** The latest eventTime of the groups taken so far (closingFlush): a group past it may close a window. */
  private takenThroughMs = Number.NEGATIVE_INFINITY;
  /** When the running timer fires, relative to groupStartedAt (to bring it forward for a closing group). */
  private timerDueMs: number | undefined;
  /** The source checkpoint at open: batches up to it are in this pipeline's rows already. */
  private checkpointSeq = -1;

  private constructor(
    private readonly options: WriteBehindOptions,
    /** A crashed merge's sequence: hold every batch up to it, then merge them as one group. */
    private recoverThroughSeq: number | undefined,
  ) {
    this.accumulator = new BatchAccumulator(options.windowSeconds, options);
    this.flushIntervalMs = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    this.maxRecords = options.maxRecords ?? DEFAULT_FLUSH_MAX_RECORDS;
    this.now = options.now ?? Date.now;
    this.timer = options.timer ?? systemTimer;
    this.writer = options.writer ?? storeGroupWriter(options.store);
  }

  /** Reads the source's checkpoint and flush intent: an intent past the checkpoint is a merge to redo. */
  static async open(options: WriteBehindOptions): Promise<WriteBehind> {
    const [checkpoint, intent] = await Promise.all([options.store.readCheckpoint(options.sourceId), options.store.readCheckpoint(flushIntentId(options.sourceId))]);
    const intentSeq = intent === undefined ? undefined : Number(intent.position);
    const checkpointSeq = checkpoint === undefined ? -1 : Number(checkpoint.position);
    const writer = new WriteBehind(options, intentSeq !== undefined && intentSeq > checkpointSeq ? intentSeq : undefined);
    writer.intentSeq = intentSeq ?? -1;
    writer.checkpointSeq = checkpointSeq;
    return writer;
  }

  /** Whether a crashed merge is being redone (nothing is merged before its last batch comes again). */
  get recovering(): boolean {
    return this.recoverThroughSeq !== undefined;
  }

  /** The source checkpoint this pipeline opened at (-1: none): it skips batches up to it. */
  get openedAtSeq(): number {
    return this.checkpointSeq;
  }

  /** Accepted records held, not yet merged (a merge in flight excluded). */
  get heldRecords(): number {
    return this.accumulator.accepted;
  }

  /**
   * Folds the batch in; starts a merge when one is due. Resolves at once unless the accumulator is
   * full and a merge is in flight (then when it is done).
   * @throws WriteBehindError when an earlier merge failed.
   */
  async add(batch: PipelineBatch): Promise<void> {
    this.throwIfFailed();
    // A source resumed from an older checkpoint (another pipeline's) replays batches this one merged already.
    if (batch.seq <= this.checkpointSeq) return;
    if (this.recoverThroughSeq !== undefined) {
      // The crashed group's last batch never came again (the source changed): merge what is held, as best we can.
      if (batch.seq > this.recoverThroughSeq) this.stopRecovering();
      else {
        this.accumulator.add(batch, this.accumulator.batches === 0 ? (batch.customMetrics ?? this.options.customMetrics()) : this.accumulator.customMetrics);
        if (batch.seq === this.recoverThroughSeq) this.stopRecovering();
        return;
      }
    }
    const customMetrics = batch.customMetrics ?? this.options.customMetrics();
    if (this.accumulator.batches > 0 && !sameDefinitions(customMetrics, this.accumulator.customMetrics)) await this.flush();
    if (this.accumulator.batches === 0) this.groupStartedAt = this.now();
    this.accumulator.add(batch, customMetrics);
    if (this.accumulator.accepted >= this.maxRecords) {
      while (this.writing !== undefined) await this.writing;
      this.throwIfFailed();
      this.kick();
    } else this.scheduleDue();
  }

  /** How long the held group may wait: shorter when it lets a window close (see closingFlush). */
  private dueAfterMs(): number {
    const closing = this.options.closingFlush;
    const latest = this.accumulator.latestEventTimeMs;
    if (closing === undefined || latest === undefined) return this.flushIntervalMs;
    return closing.lastClosableStartMs(latest) > closing.lastClosableStartMs(this.takenThroughMs) ? Math.min(closing.intervalMs, this.flushIntervalMs) : this.flushIntervalMs;
  }

  /** Merges the held group now if it is due, else makes sure a timer fires when it is (brought forward if need be). */
  private scheduleDue(): void {
    const dueMs = this.dueAfterMs();
    const elapsed = this.now() - this.groupStartedAt;
    if (elapsed >= dueMs) {
      this.kick();
      return;
    }
    if (this.cancelTimer !== undefined && this.timerDueMs !== undefined && this.timerDueMs <= dueMs) return;
    this.cancelTimer?.();
    this.timerDueMs = dueMs;
    this.cancelTimer = this.timer(() => this.onTimer(), dueMs - elapsed);
  }

  /**
   * Merges everything held now and resolves when it is in the store (idle flush, end of a source).
   * While recovering, the held batches stay held (merging them before the crashed group's last batch would be wrong).
   * @throws WriteBehindError when a merge failed.
   */
  async flush(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
    this.throwIfFailed();
    if (this.recoverThroughSeq !== undefined) return;
    this.kick();
    while (this.writing !== undefined) await this.writing;
    this.throwIfFailed();
  }

  /**
   * End of the source: merges what is held. When the source ended while recovering, the held
   * batches are dropped unmerged: the next start replays them from the checkpoint.
   */
  async close(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    await this.flush();
  }

  private stopRecovering(): void {
    this.recoverThroughSeq = undefined;
    this.groupStartedAt = this.now();
    this.kick();
  }

  private onTimer(): void {
    this.cancelTimer = undefined;
    this.timerDueMs = undefined;
    this.kick();
  }

  /** Starts merging the held group unless a merge is in flight (its end starts the next one when due). */
  private kick(): void {
    if (this.writing !== undefined || this.failure !== undefined || this.recoverThroughSeq !== undefined) return;
    const group = this.accumulator.take(this.options.asTransfers === true);
    if (group === undefined) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerDueMs = undefined;
    if (group.maxEventTimeMs !== undefined && group.maxEventTimeMs > this.takenThroughMs) this.takenThroughMs = group.maxEventTimeMs;
    this.writing = this.write(group).then(
      () => {
        this.writing = undefined;
        this.afterWrite();
      },
      (error: unknown) => {
        this.writing = undefined;
        this.failure = error;
      },
    );
  }

  private afterWrite(): void {
    if (this.accumulator.batches === 0) return;
    if (this.accumulator.accepted >= this.maxRecords) this.kick();
    else this.scheduleDue();
  }

  private async write(group: AccumulatedGroup): Promise<void> {
    const recordIntent = group.seq > this.intentSeq;
    const result = await this.writer.write(
      {
        sourceId: this.options.sourceId,
        seq: group.seq,
        position: group.position,
        windowSeconds: this.options.windowSeconds,
        windows: group.windows,
        ...(group.transfers === undefined ? {} : { transfers: group.transfers }),
        recordIntent,
        ...(this.options.rows === undefined ? {} : { rows: this.options.rows }),
      },
      group.customMetrics,
      this.options.onAggregateMerged === undefined ? undefined : () => this.options.onAggregateMerged?.(group),
    );
    if (recordIntent) this.intentSeq = group.seq;
    this.options.onFlushed?.({ ...group, duplicate: result.rows > 0 && result.merged === 0 });
  }

  private throwIfFailed(): void {
    if (this.failure === undefined) return;
    const cause = this.failure;
    throw new WriteBehindError(`merging the batches of source ${this.options.sourceId} into the store failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

function sameDefinitions(a: readonly CompiledCustomMetricDefinition[], b: readonly CompiledCustomMetricDefinition[]): boolean {
  return a === b || (a.length === b.length && a.every((definition, index) => definition === b[index]));
}
