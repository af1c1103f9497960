import { type CustomAccumulator, WindowState, type WindowStateConfig, type WindowTransfer } from '@trailpulse/analytics';
import { StoreInputError } from '../errors';
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

/** One custom metric's state in a window: as stored (`raw`), or restored once a merge needed it. */
interface CustomSlot {
  readonly fp: string;
  readonly side: MergeSide;
  readonly raw: unknown;
  accumulator: CustomAccumulator | undefined;
}

/**
 * A stored window in the form merges work on: the engine's built-in WindowState, and each custom
 * metric's state beside it (restored only when a merge or a read needs it). A store batch decodes
 * each incoming window once and merges decoded windows from there on; a row the store just wrote
 * stays decoded in its row cache, so the next merge into it neither reads nor restores it.
 *
 * Why that equals restoring the row from its body: a merge's result depends on each sketch's keys,
 * counts, errors and whether it dropped keys, never on the order of its slots (a sketch over
 * capacity keeps the top ones by count, then key), so the canonical snapshots of merge(s, x) and of
 * merge(restore(body(s)), x) are equal (decoded-window.spec.ts checks it on generated merge sequences).
 *
 * Custom states per metric id, as merges meet them:
 * - only on one side: kept as they are (a metric no writer knows any more survives untouched);
 * - both sides, same definition fingerprint: merged by the compiled metric;
 * - both sides, different fingerprints: the later state replaces the earlier one. The metric was
 *   redefined; mixing counts of two definitions would answer neither question. From the change on,
 *   the window holds the new definition's counts only.
 *
 * A decoded window is mutable: {@link merge} folds another into it, which is left unchanged.
 */
export class DecodedWindow {
  private constructor(
    private readonly state: WindowState,
    private readonly custom: Map<string, CustomSlot>,
  ) {}

  /** @throws SideStateError naming `side` when the built-in partial cannot be restored (custom states are checked by {@link restoreCustom}). */
  static fromStored(stored: StoredWindow, sketchCapacity: number, side: MergeSide): DecodedWindow {
    const config: WindowStateConfig = { windowMs: stored.partial.windowMs, sketchCapacity, customMetrics: [] };
    let state: WindowState;
    try {
      state = WindowState.restore(stored.partial, config);
    } catch (error) {
      throw new SideStateError(side, `window partial cannot be restored: ${(error as Error).message}`, { cause: error });
    }
    const custom = new Map<string, CustomSlot>();
    for (const [id, saved] of Object.entries(stored.custom)) custom.set(id, { fp: saved.fp, side, raw: saved.state, accumulator: undefined });
    return new DecodedWindow(state, custom);
  }

  /**
   * A window an engine of this process handed over (Engine.transfer): its sketches are taken over,
   * not copied, sorted or checked. `custom` holds its custom states, already paired with their
   * fingerprints by the caller.
   * @throws StoreInputError when the transfer's sketches are of another capacity than the store's.
   */
  static fromTransfer(transfer: WindowTransfer, windowMs: number, sketchCapacity: number, custom: Readonly<Record<string, StoredCustomState>>): DecodedWindow {
    for (const sketch of transfer.sketches) {
      if (sketch.capacity !== sketchCapacity) throw new StoreInputError(`transferred window ${transfer.startMs} has sketches of capacity ${sketch.capacity}, the store's is ${sketchCapacity}`);
    }
    const state = WindowState.fromTransfer(transfer, { windowMs, sketchCapacity, customMetrics: [] });
    const slots = new Map<string, CustomSlot>();
    for (const [id, saved] of Object.entries(custom)) slots.set(id, { fp: saved.fp, side: 'incoming', raw: saved.state, accumulator: undefined });
    return new DecodedWindow(state, slots);
  }

  get startMs(): number {
    return this.state.startMs;
  }

  get windowMs(): number {
    return this.state.config.windowMs;
  }

  get totalCalls(): number {
    return this.state.totalCalls;
  }

  /**
   * An empty window of the same start and length with `this` merged in: a copy that many merges
   * follow, whose sketches cut their union back to capacity once, when next read (a row merging
   * every series' share of a batch: dozens), not after each merge.
   */
  copyForMerging(): DecodedWindow {
    const copy = new DecodedWindow(new WindowState(this.startMs, this.state.config), new Map());
    copy.state.deferSketchTruncation();
    copy.foldCustom(this, 'incoming', undefined);
    copy.state.merge(this.state);
    return copy;
  }

  /** Later merges into this window cut the sketches back once, when next read (see {@link copyForMerging}). */
  deferTruncation(): void {
    this.state.deferSketchTruncation();
  }

  /**
   * A copy of this window as a contribution to the coarse window of `windowSeconds` holding it
   * (WindowState.rolledUp). Custom metrics whose definition fixes a window length (`window: 10s`)
   * are left out: rolled up they would answer another question than the definition asks.
   * @throws StoreInputError when the coarse length is not a larger multiple of this one.
   */
  rolledUp(windowSeconds: number, catalog: CustomCatalog): DecodedWindow {
    const windowMs = windowSeconds * 1000;
    if (windowMs <= this.windowMs || windowMs % this.windowMs !== 0) {
      throw new StoreInputError(`cannot roll ${this.windowMs / 1000} s windows up into ${windowSeconds} s windows: not a larger multiple`);
    }
    const rolled = new DecodedWindow(this.state.rolledUp(windowMs), new Map());
    rolled.foldCustom(this, 'incoming', (id) => catalog.get(id)?.metric.windowSeconds === undefined);
    return rolled;
  }

  /**
   * Folds `other` (of the same window) into this one; `other` is not changed.
   * @throws SideStateError naming the side whose state is unusable: `side` for `other`'s, this
   * window's own side for its states.
   */
  merge(other: DecodedWindow, side: MergeSide, catalog: CustomCatalog): void {
    try {
      this.state.merge(other.state);
    } catch (error) {
      throw new SideStateError(side, `window partials cannot merge: ${(error as Error).message}`, { cause: error });
    }
    for (const [id, theirs] of other.custom) {
      const have = this.custom.get(id);
      if (have === undefined || have.fp !== theirs.fp) {
        this.custom.set(id, copyOf(theirs, side));
        continue;
      }
      // Restored only when a merge needs it: states of metrics no one merges stay as they are.
      have.accumulator ??= restoreCustom(catalog, id, have);
      have.accumulator.merge(theirs.accumulator ?? restoreCustom(catalog, id, { ...theirs, side }));
    }
  }

  /**
   * Restores every custom state now (each is kept restored), so that one that cannot be restored
   * is named here, by the window it came from, rather than by a later merge.
   * @throws SideStateError
   */
  restoreCustom(catalog: CustomCatalog): void {
    for (const [id, slot] of this.custom) slot.accumulator ??= restoreCustom(catalog, id, slot);
  }

  /** metrics.md per-window metrics of the built-in lists (WindowState.toMetrics). */
  toMetrics(topK: number, anomalyScore: number): ReturnType<WindowState['toMetrics']> {
    return this.state.toMetrics(topK, anomalyScore);
  }

  /**
   * Each catalog metric's result: its state here when it was computed with the metric's current
   * definition, else the empty accumulator's (it counted nothing in this window).
   * @throws SideStateError when a state cannot be restored.
   */
  customResults(catalog: CustomCatalog): Record<string, unknown> {
    const results: Record<string, unknown> = {};
    for (const [id, { metric, fp }] of catalog) {
      const slot = this.custom.get(id);
      if (slot === undefined || slot.fp !== fp) results[id] = metric.createAccumulator().result();
      else results[id] = (slot.accumulator ??= restoreCustom(catalog, id, slot)).result();
    }
    return results;
  }

  /**
   * The window as a row body holds it (snapshots, JSON-ready). Each top-K sketch in its slots' order
   * unless `canonical`: a row is rewritten whole with every merge, and sorting three lists of up to
   * 10,000 keys each time was a tenth of a store worker's time; restoring and reading (top k) take
   * any order, and nothing compares two bodies.
   */
  toStored(canonical = false): StoredWindow {
    const custom: Record<string, StoredCustomState> = {};
    for (const [id, { fp, raw, accumulator }] of this.custom) custom[id] = { fp, state: accumulator === undefined ? raw : accumulator.snapshot() };
    return { partial: this.state.snapshot(canonical), custom };
  }

  /** Copies `other`'s custom states (those `keep` allows) into this window, which has none of them. */
  private foldCustom(other: DecodedWindow, side: MergeSide, keep: ((id: string) => boolean) | undefined): void {
    for (const [id, slot] of other.custom) if (keep === undefined || keep(id)) this.custom.set(id, copyOf(slot, side));
  }
}

/**
 * A slot of another window, as this one keeps it: a restored accumulator is taken as its snapshot,
 * since the other window may merge more into it later.
 */
function copyOf(slot: CustomSlot, side: MergeSide): CustomSlot {
  return { fp: slot.fp, side, raw: slot.accumulator === undefined ? slot.raw : slot.accumulator.snapshot(), accumulator: undefined };
}

/** One custom metric's accumulator, or the named error of the side it came from. */
function restoreCustom(catalog: CustomCatalog, id: string, slot: Pick<CustomSlot, 'raw' | 'side'>): CustomAccumulator {
  const entry = catalog.get(id);
  if (entry === undefined) throw new SideStateError(slot.side, `custom metric "${id}" is not among the compiled metrics given`, { cause: undefined });
  try {
    return entry.metric.restoreAccumulator(slot.raw);
  } catch (error) {
    throw new SideStateError(slot.side, `custom metric "${id}" state cannot be restored: ${(error as Error).message}`, { cause: error });
  }
}
