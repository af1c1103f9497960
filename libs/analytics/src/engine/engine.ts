import { type AcceptedRecord, type CloudTrailLikeRecord, formatIsoMillis } from '@trailpulse/event-schema';
import { type CallFacts, factsFromRecord } from '../facts/call-facts';
import { type WindowResult } from '../output/metrics-output';
import { type WindowPartial, WindowState, type WindowStateConfig, type WindowTransfer } from '../state';
import { windowStartMs } from '../window';
import { AnomalyScorer } from './anomaly-scorer';
import { CustomSeriesRunner, type CustomSeriesSnapshot, type CustomWindowMemo } from './custom-series-runner';
import { EngineStateError } from './engine-errors';
import { type EngineOptions, resolveEngineOptions, type ResolvedEngineOptions } from './engine-options';
import { ENGINE_SNAPSHOT_VERSION, type EngineSnapshot, type EngineWindowSnapshot, READABLE_ENGINE_SNAPSHOT_VERSIONS } from './engine-snapshot';

/**
 * The metrics engine: accepted records in, one {@link WindowResult} per event-time window out.
 *
 * Streaming: windows close when the watermark (event or processing time, the caller's choice)
 * reaches their end plus the allowed lateness, in start order, and are scored for anomalies then.
 * A closed window keeps its state for the revision horizon: a late record merges into it and the
 * next close emits it again, with the anomaly score of its first emission (the detector has moved
 * on and must not learn a point twice). Later still, the state is gone and a record for that
 * window starts it afresh, so its next emission covers only the newer records. Batch: `flush`.
 *
 * Only windows with at least one API call are emitted (metrics.md "Batch output").
 *
 * Custom metrics with a cross-window part (errorRate, firstSeen, `anomaly: true`) run it here, at
 * emission, in event-time order (CustomSeriesRunner): workers and shards only merge per-window
 * partials, so the series see the same windows in the same order however the input was split.
 */
export interface Engine {
  readonly windowSeconds: number;
  /** Windows whose state is held: open ones and closed ones still open to revision. */
  readonly heldWindows: number;
  add(accepted: AcceptedRecord): void;
  /** The fast path for callers that already have the record's facts (e.g. from a byte scanner). */
  addFacts(facts: CallFacts, record: CloudTrailLikeRecord): void;
  /**
   * Closes every window whose end plus the allowed lateness is at or before `watermarkMs` and
   * emits it, plus every closed window revised since its last emission; sorted by start. The
   * watermark never moves back: a smaller value than before closes nothing new.
   */
  closeWindowsBefore(watermarkMs: number): WindowResult[];
  /** `closeWindowsBefore(clock.now())`. */
  tick(): WindowResult[];
  /** End of input: closes and emits every window not yet emitted or revised, sorted by start, and releases all window state. */
  flush(): WindowResult[];
  snapshot(): EngineSnapshot;
  /**
   * Replaces this engine's windows, watermark and detector series with a snapshot's.
   * @throws EngineStateError when the snapshot is malformed or from an engine with other options.
   */
  restore(snapshot: EngineSnapshot): void;
  /**
   * Adds the windows of engines that each saw part of the input (shards, workers). Only window
   * contents merge; the watermark and detector stay this engine's. A merged window this engine
   * had already closed counts as revised.
   * @throws EngineStateError as restore does; then nothing was merged.
   */
  mergePartials(...partials: readonly EngineSnapshot[]): void;
  /**
   * Hands every window over to {@link mergeTransfer} of an engine with the same options in the
   * same run (a scan worker's result): unsorted and unchecked, so much cheaper than a snapshot.
   * This engine holds no windows afterwards.
   */
  transfer(): EngineTransfer;
  /** {@link mergePartials} of windows handed over by {@link transfer}. */
  mergeTransfer(transfer: EngineTransfer): void;
}

/** Windows handed from one engine to another of the same run (see {@link Engine.transfer}). */
export interface EngineTransfer {
  readonly windowSeconds: number;
  readonly windows: readonly WindowTransfer[];
}

export function createEngine(options: EngineOptions): Engine {
  return new MetricsEngine(resolveEngineOptions(options));
}

class WindowEntry {
  closed = false;
  revised = false;
  anomalyScore: number | undefined = undefined;
  /** Per custom metric index, what its series left at the previous emission. */
  customMemos: (CustomWindowMemo | undefined)[] = [];

  constructor(readonly state: WindowState) {}
}

class MetricsEngine implements Engine {
  private windows = new Map<number, WindowEntry>();
  // Records mostly arrive in time order: remembering the last window's range skips the window
  // arithmetic and the Map lookup for most records. An empty range (NaN) matches nothing.
  private lastStartMs = Number.NaN;
  private lastEndMs = Number.NaN;
  private lastEntry: WindowEntry | undefined;
  private watermarkMs = -Infinity;
  private scorer: AnomalyScorer;
  /** Per custom metric index: its series runner, undefined for per-window-only metrics. */
  private runners: (CustomSeriesRunner | undefined)[];
  private readonly stateConfig: WindowStateConfig;
  /** Without custom metrics, records that are not API calls change nothing and are skipped early. */
  private readonly countsEveryRecord: boolean;

  constructor(private readonly options: ResolvedEngineOptions) {
    this.stateConfig = { windowMs: options.windowMs, sketchCapacity: options.sketchCapacity, customMetrics: options.customMetrics };
    this.countsEveryRecord = options.customMetrics.length > 0;
    this.scorer = AnomalyScorer.create(options.detector);
    this.runners = options.customMetrics.map((metric) => CustomSeriesRunner.create(metric, options.detector));
  }

  get windowSeconds(): number {
    return this.options.windowSeconds;
  }

  get heldWindows(): number {
    return this.windows.size;
  }

  add(accepted: AcceptedRecord): void {
    this.addFacts(factsFromRecord(accepted.record, accepted.eventTimeMs), accepted.record);
  }

  addFacts(facts: CallFacts, record: CloudTrailLikeRecord): void {
    if (!facts.isApiCall && !this.countsEveryRecord) return;
    const eventTimeMs = facts.eventTimeMs;
    let entry = this.lastEntry;
    if (entry === undefined || !(eventTimeMs >= this.lastStartMs && eventTimeMs < this.lastEndMs)) {
      entry = this.entryAt(windowStartMs(eventTimeMs, this.options.windowMs));
    }
    if (entry.closed) entry.revised = true;
    entry.state.add(facts, record);
  }

  closeWindowsBefore(watermarkMs: number): WindowResult[] {
    if (watermarkMs > this.watermarkMs) this.watermarkMs = watermarkMs;
    const closesAtOrBefore = this.watermarkMs - this.options.allowedLatenessMs;
    const due: WindowEntry[] = [];
    for (const entry of this.windows.values()) {
      if (entry.revised || (!entry.closed && entry.state.endMs <= closesAtOrBefore)) due.push(entry);
    }
    const results = this.emit(due);
    this.evictBefore(closesAtOrBefore - this.options.revisionHorizonMs);
    return results;
  }

  tick(): WindowResult[] {
    return this.closeWindowsBefore(this.options.clock.now());
  }

  flush(): WindowResult[] {
    const due = [...this.windows.values()].filter((entry) => entry.revised || !entry.closed);
    const results = this.emit(due);
    this.replaceWindows(new Map());
    return results;
  }

  snapshot(): EngineSnapshot {
    const windows = [...this.windows.values()]
      .sort((a, b) => a.state.startMs - b.state.startMs)
      .map((entry): EngineWindowSnapshot => {
        const window = { partial: entry.state.snapshot(), closed: entry.closed, revised: entry.revised };
        const customMemos = this.byMetricId(entry.customMemos);
        return {
          ...window,
          ...(entry.anomalyScore === undefined ? {} : { anomalyScore: entry.anomalyScore }),
          ...(customMemos === undefined ? {} : { customMemos }),
        };
      });
    const customSeries = this.byMetricId(this.runners.map((runner) => runner?.snapshot()));
    return {
      version: ENGINE_SNAPSHOT_VERSION,
      windowSeconds: this.options.windowSeconds,
      watermarkMs: Number.isFinite(this.watermarkMs) ? this.watermarkMs : null,
      lastScoredStartMs: this.scorer.lastScoredStart,
      detector: this.scorer.detectorState,
      windows,
      ...(customSeries === undefined ? {} : { customSeries }),
    };
  }

  restore(snapshot: EngineSnapshot): void {
    this.checkSnapshot(snapshot);
    const { watermarkMs, lastScoredStartMs } = snapshot;
    if (!isTimeOrNull(watermarkMs) || !isTimeOrNull(lastScoredStartMs)) {
      throw new EngineStateError('engine snapshot watermarkMs and lastScoredStartMs must be numbers or null');
    }
    let scorer: AnomalyScorer;
    try {
      scorer = AnomalyScorer.restore(this.options.detector, snapshot.detector, lastScoredStartMs);
    } catch (error) {
      throw new EngineStateError(`engine snapshot detector state cannot be restored by "${this.options.detector.name}"`, { cause: error });
    }
    const runners = this.restoreRunners(snapshot.customSeries);
    const windows = new Map<number, WindowEntry>();
    for (const saved of snapshot.windows) {
      const entry = new WindowEntry(this.restoreWindow(saved.partial));
      if (windows.has(entry.state.startMs)) throw new EngineStateError(`engine snapshot holds window ${entry.state.startMs} twice`);
      if (saved.anomalyScore !== undefined && !(Number.isFinite(saved.anomalyScore) && saved.anomalyScore >= 0)) {
        throw new EngineStateError(`engine snapshot window ${entry.state.startMs} has anomalyScore ${String(saved.anomalyScore)}, not a finite number >= 0`);
      }
      entry.closed = saved.closed === true;
      entry.revised = saved.revised === true;
      entry.anomalyScore = saved.anomalyScore;
      entry.customMemos = restoreMemos(runners, this.options.customMetrics, saved.customMemos);
      windows.set(entry.state.startMs, entry);
    }
    this.scorer = scorer;
    this.runners = runners;
    this.watermarkMs = watermarkMs ?? -Infinity;
    this.replaceWindows(windows);
  }

  mergePartials(...partials: readonly EngineSnapshot[]): void {
    const states: WindowState[] = [];
    for (const snapshot of partials) {
      this.checkSnapshot(snapshot);
      for (const saved of snapshot.windows) states.push(this.restoreWindow(saved.partial));
    }
    for (const state of states) {
      const entry = this.windows.get(state.startMs);
      if (entry === undefined) {
        this.windows.set(state.startMs, new WindowEntry(state));
      } else {
        entry.state.merge(state);
        if (entry.closed) entry.revised = true;
      }
    }
  }

  transfer(): EngineTransfer {
    const windows = [...this.windows.values()].map((entry) => entry.state.transfer());
    this.replaceWindows(new Map());
    return { windowSeconds: this.options.windowSeconds, windows };
  }

  mergeTransfer(transfer: EngineTransfer): void {
    if (transfer.windowSeconds !== this.options.windowSeconds) {
      throw new EngineStateError(`engine transfer is of ${transfer.windowSeconds} s windows, this engine runs ${this.options.windowSeconds} s windows`);
    }
    for (const window of transfer.windows) {
      const entry = this.windows.get(window.startMs);
      if (entry === undefined) {
        this.windows.set(window.startMs, new WindowEntry(WindowState.fromTransfer(window, this.stateConfig)));
      } else {
        entry.state.mergeTransfer(window);
        if (entry.closed) entry.revised = true;
      }
    }
  }

  /** The window starting at `startMs`, created if needed, remembered as the last one used. */
  private entryAt(startMs: number): WindowEntry {
    let entry = this.windows.get(startMs);
    if (entry === undefined) {
      entry = new WindowEntry(new WindowState(startMs, this.stateConfig));
      this.windows.set(startMs, entry);
    }
    this.lastStartMs = startMs;
    this.lastEndMs = startMs + this.options.windowMs;
    this.lastEntry = entry;
    return entry;
  }

  /** Emits `due` in start order; first emissions are scored now, revisions repeat their first score. */
  private emit(due: WindowEntry[]): WindowResult[] {
    due.sort((a, b) => a.state.startMs - b.state.startMs);
    const results: WindowResult[] = [];
    for (const entry of due) {
      entry.closed = true;
      entry.revised = false;
      const { state } = entry;
      // Series see every window their metric saw, also one that is not output (below), so that e.g.
      // a key first seen in a window of console sign-ins only is not reported as new later.
      const customValues = this.runSeries(entry);
      // Windows holding only other event types (seen by custom metrics) are not windows of the output.
      if (state.totalCalls === 0) continue;
      entry.anomalyScore ??= this.scorer.score(state.startMs, state.totalCalls);
      results.push({
        start: formatIsoMillis(state.startMs),
        end: formatIsoMillis(state.endMs),
        metrics: state.toMetrics(this.options.topK, entry.anomalyScore, customValues),
      });
    }
    return results;
  }

  /** The values of the custom metrics that have a series runner, by metric index; their memos are kept on the entry. */
  private runSeries(entry: WindowEntry): Map<number, unknown> | undefined {
    let values: Map<number, unknown> | undefined;
    this.runners.forEach((runner, index) => {
      if (runner === undefined) return;
      const { value, memo } = runner.emit(entry.state.customAccumulator(index), entry.state.startMs, entry.customMemos[index]);
      entry.customMemos[index] = memo;
      (values ??= new Map()).set(index, value);
    });
    return values;
  }

  /** Per-metric-index values as an object by metric id, without the undefined ones; undefined when none is left. */
  private byMetricId<Value>(values: readonly (Value | undefined)[]): Record<string, Value> | undefined {
    const entries: [string, Value][] = [];
    values.forEach((value, index) => {
      const metric = this.options.customMetrics[index];
      if (value !== undefined && metric !== undefined) entries.push([metric.id, value]);
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }

  /** Runners resumed from a snapshot's customSeries (fresh for metrics it does not know; ignores metrics no longer defined). */
  private restoreRunners(saved: EngineSnapshot['customSeries']): (CustomSeriesRunner | undefined)[] {
    if (saved !== undefined && (typeof saved !== 'object' || saved === null || Array.isArray(saved))) {
      throw new EngineStateError('engine snapshot customSeries must be an object by metric id');
    }
    return this.options.customMetrics.map((metric) => {
      const state = saved !== undefined && Object.hasOwn(saved, metric.id) ? saved[metric.id] : undefined;
      if (state !== undefined && (typeof state !== 'object' || state === null)) {
        throw new EngineStateError(`engine snapshot series of custom metric "${metric.id}" must be an object`);
      }
      return CustomSeriesRunner.restore(metric, this.options.detector, state as CustomSeriesSnapshot | undefined);
    });
  }

  /** Drops closed windows ending at or before `endMs`: they can no longer be revised. */
  private evictBefore(endMs: number): void {
    for (const [startMs, entry] of this.windows) {
      if (entry.closed && entry.state.endMs <= endMs) this.windows.delete(startMs);
    }
    this.forgetLastWindow();
  }

  private replaceWindows(windows: Map<number, WindowEntry>): void {
    this.windows = windows;
    this.forgetLastWindow();
  }

  private forgetLastWindow(): void {
    this.lastStartMs = Number.NaN;
    this.lastEndMs = Number.NaN;
    this.lastEntry = undefined;
  }

  private checkSnapshot(snapshot: EngineSnapshot): void {
    if (typeof snapshot !== 'object' || snapshot === null || !READABLE_ENGINE_SNAPSHOT_VERSIONS.includes(snapshot.version)) {
      throw new EngineStateError(
        `engine snapshot version ${String(snapshot?.version)} is not supported (expected ${READABLE_ENGINE_SNAPSHOT_VERSIONS.join(' or ')})`,
      );
    }
    if (snapshot.windowSeconds !== this.options.windowSeconds) {
      throw new EngineStateError(`engine snapshot is of ${snapshot.windowSeconds} s windows, this engine runs ${this.options.windowSeconds} s windows`);
    }
    if (!Array.isArray(snapshot.windows)) throw new EngineStateError('engine snapshot windows must be an array');
  }

  private restoreWindow(partial: WindowPartial): WindowState {
    try {
      return WindowState.restore(partial, this.stateConfig);
    } catch (error) {
      throw new EngineStateError(`engine snapshot window ${String(partial?.startMs)} cannot be restored`, { cause: error });
    }
  }
}

function isTimeOrNull(value: unknown): value is number | null {
  return value === null || Number.isFinite(value);
}

/** A window's memos by metric index, each checked by its metric's runner. */
function restoreMemos(
  runners: readonly (CustomSeriesRunner | undefined)[],
  metrics: ResolvedEngineOptions['customMetrics'],
  saved: EngineWindowSnapshot['customMemos'],
): (CustomWindowMemo | undefined)[] {
  if (saved === undefined) return [];
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) throw new EngineStateError('engine snapshot window customMemos must be an object by metric id');
  return metrics.map((metric, index) => {
    const memo: unknown = Object.hasOwn(saved, metric.id) ? saved[metric.id] : undefined;
    const runner = runners[index];
    return memo === undefined || runner === undefined ? undefined : runner.checkMemo(memo);
  });
}
