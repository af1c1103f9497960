import { type CompiledCustomMetricDefinition, createEngine, type Engine, type EngineTransfer, wholeRecordNeeded } from '@trailpulse/analytics';
import { type AcceptedRecord, judgeRecord, type RejectReason } from '@trailpulse/event-schema';
import { type SeriesPartial, seriesOf, seriesOfDimensions } from '@trailpulse/metrics-store';
import { parseScanned, type ScannedRecord, type SourceBatch, type SourcePosition } from '../sources';

/** The windows of one (account, region) handed from one pipeline's engines to another's (Engine.transfer). */
export interface SeriesTransfer {
  readonly account: string;
  readonly region: string;
  readonly transfer: EngineTransfer;
}

/**
 * What a pipeline takes in: a source's batch, or a group another pipeline already aggregated and
 * merged (the bulk write-behind is fed the live write-behind's groups this way: no record is
 * aggregated twice). `transfers` and `customMetrics` are only set on the latter.
 */
export interface PipelineBatch extends SourceBatch {
  readonly transfers?: readonly SeriesTransfer[];
  /** The definitions the transfers were aggregated with. */
  readonly customMetrics?: readonly CompiledCustomMetricDefinition[];
  /** Latest eventTime of the transfers' records (they carry no records to read it from). */
  readonly maxEventTimeMs?: number;
  /** Accepted records inside the transfers. */
  readonly acceptedInTransfers?: number;
}

/** Consecutive batches of one source, ready to be merged into the store as one store batch. */
export interface AccumulatedGroup {
  readonly sourceId: string;
  /** The last included batch's seq: the store batch's sequence (it covers every earlier one). */
  readonly seq: number;
  /** The last included batch's position: the checkpoint once the group is merged. */
  readonly position: SourcePosition;
  readonly batches: number;
  readonly accepted: number;
  /** The window partials of every accepted record of the group, per (account, region) and window (empty when taken as transfers). */
  readonly windows: readonly SeriesPartial[];
  readonly customMetrics: readonly CompiledCustomMetricDefinition[];
  /** Start (epoch ms) of every base window the group added to, ascending. */
  readonly windowStartsMs: readonly number[];
  /** Latest eventTime in the group, undefined when it accepted no record. */
  readonly maxEventTimeMs: number | undefined;
  /** The group's windows as engine transfers (take(true)), instead of `windows`. */
  readonly transfers?: readonly SeriesTransfer[];
}

export interface AccumulatorCallbacks {
  /** Every accepted record, as it is accepted (the recent-events ring). */
  readonly onAccepted?: (record: AcceptedRecord) => void;
  /** Every record the byte scanner accepted (HTTP ingest), as it is added. */
  readonly onScanned?: (record: ScannedRecord) => void;
  /** Every record judged or read as rejected. */
  readonly onRejected?: (reason: RejectReason) => void;
}

interface SeriesEngine {
  readonly account: string;
  readonly region: string;
  readonly engine: Engine;
}

/**
 * Folds consecutive batches of one source into one engine per (account, region), as batchPartials
 * does for a single batch: the partials of the union of the batches, so merging them once into the
 * store equals merging each batch's partials in turn, for a fraction of the row merges (each touched
 * row is read, merged and written once per group instead of once per batch).
 */
export class BatchAccumulator {
  /**
   * The engines by the records' account, then region. Why two levels: a key built per record
   * (account + region) is a fresh string that every lookup hashes again; the account and region of
   * scanned records are the scanner's interned strings, whose hashes V8 keeps.
   */
  private engines = new Map<string, Map<string, SeriesEngine>>();
  private starts = new Set<number>();
  /** The start of the window the last noted record fell in (NaN: none yet in this group). */
  private lastWindowStartMs = Number.NaN;
  private maxEventTimeMs: number | undefined;
  private last: SourceBatch | undefined;
  private batchCount = 0;
  private acceptedCount = 0;
  private metrics: readonly CompiledCustomMetricDefinition[] = [];
  /** Which scanned records the custom metrics need whole (undefined: none), for `metrics`. */
  private wholeRecordGate: ReturnType<typeof wholeRecordNeeded>;
  private readonly windowMs: number;

  constructor(
    private readonly windowSeconds: number,
    private readonly callbacks: AccumulatorCallbacks = {},
  ) {
    this.windowMs = windowSeconds * 1000;
  }

  /** Batches held (0: nothing to merge). */
  get batches(): number {
    return this.batchCount;
  }

  /** Accepted records held. */
  get accepted(): number {
    return this.acceptedCount;
  }

  /** Latest eventTime held (undefined: no accepted record held). */
  get latestEventTimeMs(): number | undefined {
    return this.maxEventTimeMs;
  }

  /** The custom metrics the held partials are computed with (fixed from a group's first batch on). */
  get customMetrics(): readonly CompiledCustomMetricDefinition[] {
    return this.metrics;
  }

  /**
   * Judges the batch's records and adds the accepted ones. The first batch of a group fixes its
   * custom metrics; callers take() the group before adding a batch under other definitions.
   */
  add(batch: PipelineBatch, customMetrics: readonly CompiledCustomMetricDefinition[]): void {
    if (this.batchCount === 0 && customMetrics !== this.metrics) {
      this.metrics = customMetrics;
      this.wholeRecordGate = wholeRecordNeeded(customMetrics.map((metric) => metric.definition));
    }
    for (const [index, raw] of batch.records.entries()) {
      const verdict = judgeRecord(raw);
      if (!verdict.accepted) {
        this.callbacks.onRejected?.(verdict.reason);
        continue;
      }
      const accepted: AcceptedRecord = { record: verdict.record, eventTimeMs: verdict.eventTimeMs, sizeBytes: 0, location: { source: `${batch.sourceId}#${batch.seq}`, index } };
      const { account, region } = seriesOf(accepted.record);
      this.engineForSeries(account, region).add(accepted);
      this.noteEventTime(verdict.eventTimeMs);
      this.callbacks.onAccepted?.(accepted);
    }
    // The scanner decided these already. The built-in metrics need its facts only; a custom metric
    // reading fields beyond the scanner's projection gets the whole record, parsed from its text,
    // for the records it may count (projection-gate.ts in the engine).
    const gate = this.wholeRecordGate;
    for (const scanned of batch.scanned ?? []) {
      const { facts, projected } = scanned;
      const record = gate !== undefined && gate(projected, facts) ? parseScanned(scanned.bytes, scanned.start, scanned.end) : projected;
      this.engineForSeries(facts.account, facts.region).addFacts(facts, record);
      this.noteEventTime(facts.eventTimeMs);
      this.callbacks.onScanned?.(scanned);
    }
    for (const { account, region, transfer } of batch.transfers ?? []) {
      this.engineForSeries(account, region).mergeTransfer(transfer);
      for (const window of transfer.windows) this.starts.add(window.startMs);
    }
    if (batch.maxEventTimeMs !== undefined && (this.maxEventTimeMs === undefined || batch.maxEventTimeMs > this.maxEventTimeMs)) this.maxEventTimeMs = batch.maxEventTimeMs;
    this.acceptedCount += batch.acceptedInTransfers ?? 0;
    for (const reject of batch.rejects ?? []) this.callbacks.onRejected?.(reject.reason);
    this.last = batch;
    this.batchCount += 1;
  }

  /**
   * The group held so far (undefined when empty), and a fresh start. `asTransfers`: the engines'
   * windows go as transfers (Engine.transfer: unsorted, nothing copied) instead of snapshots, so the
   * thread that merges them makes the partials, not this one.
   */
  take(asTransfers = false): AccumulatedGroup | undefined {
    const last = this.last;
    if (last === undefined) return undefined;
    const windows: SeriesPartial[] = [];
    const transfers: SeriesTransfer[] = [];
    for (const { account, region, engine } of [...this.engines.values()].flatMap((regions) => [...regions.values()])) {
      if (asTransfers) transfers.push({ account, region, transfer: engine.transfer() });
      else for (const window of engine.snapshot().windows) windows.push({ account, region, partial: window.partial });
    }
    const group: AccumulatedGroup = {
      sourceId: last.sourceId,
      seq: last.seq,
      position: last.position,
      batches: this.batchCount,
      accepted: this.acceptedCount,
      windows,
      customMetrics: this.metrics,
      windowStartsMs: [...this.starts].sort((a, b) => a - b),
      maxEventTimeMs: this.maxEventTimeMs,
      ...(asTransfers ? { transfers } : {}),
    };
    this.engines = new Map();
    this.starts = new Set();
    this.lastWindowStartMs = Number.NaN;
    this.maxEventTimeMs = undefined;
    this.last = undefined;
    this.batchCount = 0;
    this.acceptedCount = 0;
    return group;
  }

  /**
   * One accepted record more, at this eventTime. Records come mostly in time order, so the window
   * start is added to the set only when it differs from the last record's: a start (a double past
   * 2^31) computed and added per record was a heap number allocated per record on the ingest thread.
   */
  private noteEventTime(eventTimeMs: number): void {
    if (!(eventTimeMs >= this.lastWindowStartMs && eventTimeMs < this.lastWindowStartMs + this.windowMs)) {
      this.lastWindowStartMs = Math.floor(eventTimeMs / this.windowMs) * this.windowMs;
      this.starts.add(this.lastWindowStartMs);
    }
    if (this.maxEventTimeMs === undefined || eventTimeMs > this.maxEventTimeMs) this.maxEventTimeMs = eventTimeMs;
    this.acceptedCount += 1;
  }

  private engineForSeries(recordAccount: string, recordRegion: string): Engine {
    let regions = this.engines.get(recordAccount);
    if (regions === undefined) {
      regions = new Map();
      this.engines.set(recordAccount, regions);
    }
    let entry = regions.get(recordRegion);
    if (entry === undefined) {
      const { account, region } = seriesOfDimensions(recordAccount, recordRegion);
      entry = { account, region, engine: createEngine({ windowSeconds: this.windowSeconds, customMetrics: this.metrics }) };
      regions.set(recordRegion, entry);
    }
    return entry.engine;
  }
}
