import { type CustomAccumulator, WindowState, type WindowStateConfig } from '@trailpulse/analytics';
import { type StoredCustomState, type StoredWindow } from '../row/stored-window';
import { type CustomCatalog } from './custom-catalog';

/** Which side of a merge a state came from: the caller turns it into the right named error. */
export type MergeSide = 'stored' | 'incoming';

/** A state of one side that cannot be restored or merged. */
export class SideStateError extends Error {
  override readonly name = 'SideStateError';

  constructor(
    readonly side: MergeSide,
    message: string,
    options: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The engine's built-in window state of a partial; custom states are handled per metric below. */
export function restoreBuiltIn(stored: StoredWindow, sketchCapacity: number, side: MergeSide): WindowState {
  const config: WindowStateConfig = { windowMs: stored.partial.windowMs, sketchCapacity, customMetrics: [] };
  try {
    return WindowState.restore(stored.partial, config);
  } catch (error) {
    throw new SideStateError(side, `window partial cannot be restored: ${(error as Error).message}`, { cause: error });
  }
}

/** One custom metric's accumulator, or the named error of the side it came from. */
export function restoreCustom(catalog: CustomCatalog, id: string, saved: StoredCustomState, side: MergeSide): CustomAccumulator {
  const entry = catalog.get(id);
  if (entry === undefined) throw new SideStateError(side, `custom metric "${id}" is not among the compiled metrics given`, { cause: undefined });
  try {
    return entry.metric.restoreAccumulator(saved.state);
  } catch (error) {
    throw new SideStateError(side, `custom metric "${id}" state cannot be restored: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Stored windows of one window folded together. Built-in metrics merge as the engine merges
 * partials. Custom states, per metric id:
 * - only on one side: kept as they are (a metric no writer knows any more survives untouched);
 * - both sides, same definition fingerprint: merged by the compiled metric;
 * - both sides, different fingerprints: the later state replaces the earlier one. The metric was
 *   redefined; mixing counts of two definitions would answer neither question. From the change on,
 *   the window holds the new definition's counts only.
 */
export class StoredWindowMerger {
  private readonly state: WindowState;
  private readonly custom = new Map<string, { fp: string; raw: unknown; side: MergeSide; accumulator: CustomAccumulator | undefined }>();

  /** @throws SideStateError naming `side` when `first` cannot be restored. */
  constructor(
    first: StoredWindow,
    private readonly catalog: CustomCatalog,
    private readonly sketchCapacity: number,
    side: MergeSide,
  ) {
    this.state = restoreBuiltIn(first, sketchCapacity, side);
    // A row's merger folds in every series' share of the batch (the all-accounts row: dozens): the
    // top-K sketches then cut their union back to capacity once, in result(), not after each add.
    this.state.deferSketchTruncation();
    for (const [id, saved] of Object.entries(first.custom)) this.custom.set(id, { fp: saved.fp, raw: saved.state, side, accumulator: undefined });
  }

  /** @throws SideStateError naming the side whose state is unusable. */
  add(other: StoredWindow, side: MergeSide): void {
    const state = restoreBuiltIn(other, this.sketchCapacity, side);
    try {
      this.state.merge(state);
    } catch (error) {
      throw new SideStateError(side, `window partials cannot merge: ${(error as Error).message}`, { cause: error });
    }
    for (const [id, saved] of Object.entries(other.custom)) {
      const have = this.custom.get(id);
      if (have === undefined || have.fp !== saved.fp) {
        this.custom.set(id, { fp: saved.fp, raw: saved.state, side, accumulator: undefined });
        continue;
      }
      // Restored only when a merge needs it: states of metrics no one merges stay as they are.
      have.accumulator ??= restoreCustom(this.catalog, id, { fp: have.fp, state: have.raw }, have.side);
      have.accumulator.merge(restoreCustom(this.catalog, id, saved, side));
    }
  }

  result(): StoredWindow {
    const custom: Record<string, StoredCustomState> = {};
    for (const [id, { fp, raw, accumulator }] of this.custom) custom[id] = { fp, state: accumulator === undefined ? raw : accumulator.snapshot() };
    return { partial: this.state.snapshot(), custom };
  }
}

/** `incoming` folded into `stored` (see {@link StoredWindowMerger}). @throws SideStateError */
export function mergeStored(stored: StoredWindow, incoming: StoredWindow, catalog: CustomCatalog, sketchCapacity: number): StoredWindow {
  const merger = new StoredWindowMerger(stored, catalog, sketchCapacity, 'stored');
  merger.add(incoming, 'incoming');
  return merger.result();
}

/** An empty stored window of `windowMs` starting at `startMs` (what a row without a body holds). */
export function emptyStoredWindow(startMs: number, windowMs: number, sketchCapacity: number): StoredWindow {
  return { partial: new WindowState(startMs, { windowMs, sketchCapacity, customMetrics: [] }).snapshot(), custom: {} };
}
