import { type TopEntry } from '../output/metrics-output';
import { SketchStateError } from './sketch-state-error';
import { StreamSummary } from './stream-summary';

/**
 * metrics.md: "the default capacity keeps them exact up to at least 10,000 distinct keys per list
 * per window". No larger: three full lists of long keys (ARNs) must still fit a 1 MB checkpoint.
 */
export const DEFAULT_SKETCH_CAPACITY = 10_000;

/** Compact serialized sketch: parallel arrays in top order (count desc, key asc), never an object per key. */
export interface SpaceSavingSnapshot {
  readonly capacity: number;
  /** False once a key was dropped: counts may then overestimate (by at most their error). */
  readonly exact: boolean;
  readonly keys: readonly string[];
  readonly counts: readonly number[];
  /** Each count's maximum overestimation; absent when `exact` (all zero). */
  readonly errors?: readonly number[];
}

/**
 * A sketch's raw state in slot order (not canonical, not checked): what a scan worker hands to the
 * thread that merges it, which trusts it because it comes from a sketch. Cheaper than a snapshot
 * because nothing is sorted.
 */
export interface SpaceSavingParts {
  readonly capacity: number;
  readonly dropped: boolean;
  readonly keys: string[];
  readonly counts: number[];
  readonly errors: number[];
}

/**
 * Space-Saving heavy hitters (Metwally, Agrawal, El Abbadi 2005) with the mergeable-summaries
 * merge (Agarwal et al. 2012).
 *
 * While at most `capacity` distinct keys were offered, every count is exact. Beyond that, a new
 * key replaces one with the smallest count c and starts at c + 1 with error c, so every reported
 * count overestimates the true count by at most its error, and every key whose true count exceeds
 * N / capacity (N = offers) is tracked.
 *
 * Offers are a Map lookup plus an array increment until the sketch is full; the min-ordered
 * {@link StreamSummary} is only built at the first eviction, so windows that never fill never pay
 * for it.
 */
export class SpaceSaving {
  readonly capacity: number;
  /**
   * Slot of every key. Kept up to date by offers and merges (restore builds it while checking for
   * repeated keys); built on first use for sketches made from parts (most are only read for their top).
   */
  private slotOfKeyMap: Map<string, number> | undefined = new Map<string, number>();
  private keys: string[] = [];
  private counts: number[] = [];
  private errors: number[] = [];
  private dropped = false;
  /** Built when a full sketch first has to evict; undefined while counts are not ordered. */
  private summary: StreamSummary | undefined;
  /**
   * Set between {@link deferTruncation} and the next read: merges keep every key, and this is the
   * sum of the unseen bounds of every state merged so far (the bound for a key none of them holds).
   */
  private deferredUnseen: number | undefined;
  /**
   * True while the slots are in top order (keepTop leaves them so; any count change ends it): a
   * snapshot then takes the arrays as they are instead of sorting them again. A full sketch merged
   * into cuts back with keepTop, so its snapshot sorted the same slots twice.
   */
  private inTopOrder = true;

  constructor(capacity: number = DEFAULT_SKETCH_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`sketch capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  /** True while no key was ever dropped: every count is exact and every key is present. */
  get exact(): boolean {
    this.settle();
    return !this.dropped;
  }

  /** Distinct keys tracked. */
  get size(): number {
    this.settle();
    return this.keys.length;
  }

  /**
   * Until the next read (top, snapshot, parts, offer), merges keep every key instead of cutting the
   * union back to `capacity` after each one; the cut is made once, at that read. Folding many
   * sketches into one (a store row merging every series' window) then sorts once instead of once
   * per merge. The result is the multi-way mergeable-summaries merge: each key's count and error
   * are the sums over the inputs of its count there, or that input's unseen bound where it is
   * missing. Every count still overestimates by at most its error, and while the union of keys fits
   * the capacity it is the same exact result as merging one by one.
   */
  deferTruncation(): void {
    this.deferredUnseen ??= this.unseenBound();
  }

  /** Counts one occurrence of `key`. */
  offer(key: string): void {
    if (this.deferredUnseen !== undefined) this.settle();
    this.inTopOrder = false;
    const slotOfKey = this.slotOfKeyMap ?? this.slotOfKey();
    const slot = slotOfKey.get(key);
    if (slot !== undefined) {
      this.counts[slot] = (this.counts[slot] as number) + 1;
      this.summary?.increment(slot);
    } else if (this.keys.length < this.capacity) {
      slotOfKey.set(key, this.keys.length);
      this.keys.push(key);
      this.counts.push(1);
      this.errors.push(0);
    } else {
      this.replaceMinimum(key);
    }
  }

  /**
   * Folds `other` into this sketch (`other` is not changed). Counts add up; a key missing on one
   * side may have occurred there up to that side's smallest count when that side dropped keys, so
   * that bound is added to its count and its error. The `capacity` largest counts are kept.
   * While the union of keys fits the capacity the result equals one sketch fed both inputs.
   */
  merge(other: SpaceSaving): void {
    if (other.capacity !== this.capacity) {
      throw new SketchStateError(`cannot merge a sketch of capacity ${other.capacity} into one of capacity ${this.capacity}`);
    }
    if (other === this) {
      // Folding a sketch into itself: read a copy, as the in-place merge below writes what it reads.
      this.mergeEntries(this.keys.slice(), this.counts.slice(), this.errors.slice(), this.dropped);
    } else if (this.keys.length === 0 && !this.dropped) {
      // Into an empty sketch (what restoring into a fresh window does): the result is a copy of `other`.
      other.settle();
      this.adopt(other.keys.slice(), other.counts.slice(), other.errors.slice(), other.dropped, other.slotOfKeyMap === undefined ? undefined : new Map(other.slotOfKeyMap), other.inTopOrder);
      if (this.deferredUnseen !== undefined) this.deferredUnseen = this.unseenBound();
    } else {
      other.settle();
      this.mergeEntries(other.keys, other.counts, other.errors, other.dropped);
    }
  }

  /** {@link merge} of a sketch given as {@link parts} (trusted: they come from a sketch of this capacity). */
  mergeParts(other: SpaceSavingParts): void {
    if (other.capacity !== this.capacity) {
      throw new SketchStateError(`cannot merge a sketch of capacity ${other.capacity} into one of capacity ${this.capacity}`);
    }
    if (other.keys === this.keys) {
      this.mergeEntries(other.keys.slice(), other.counts.slice(), other.errors.slice(), other.dropped);
    } else {
      this.mergeEntries(other.keys, other.counts, other.errors, other.dropped);
    }
  }

  /** The raw state, not copied: the sketch must not be used after handing its parts over. */
  parts(): SpaceSavingParts {
    this.settle();
    return { capacity: this.capacity, dropped: this.dropped, keys: this.keys, counts: this.counts, errors: this.errors };
  }

  /** A sketch holding `parts` (taken over, not copied, not checked). */
  static fromParts(parts: SpaceSavingParts): SpaceSaving {
    const sketch = new SpaceSaving(parts.capacity);
    sketch.keys = parts.keys;
    sketch.counts = parts.counts;
    sketch.errors = parts.errors;
    sketch.dropped = parts.dropped;
    sketch.slotOfKeyMap = undefined;
    sketch.inTopOrder = false;
    return sketch;
  }

  /**
   * Folds the other side in place: `this` owns its arrays (restore copies, fromParts takes them
   * over), so they are updated rather than copied, and the key map is kept up to date rather than
   * rebuilt. Only a union above capacity reorders the slots (into top order, as before).
   */
  private mergeEntries(otherKeys: readonly string[], otherCounts: readonly number[], otherErrors: readonly number[], otherDropped: boolean): void {
    const missingHere = this.deferredUnseen ?? this.unseenBound();
    const missingThere = unseenBoundOf(otherDropped, otherCounts);
    const slotOfKey = this.slotOfKey();
    const { keys, counts, errors } = this;
    const sizeBefore = keys.length;
    this.inTopOrder = false;
    // Slots of this side the other side also holds: only needed when the other side dropped keys.
    const sharedHere = missingThere > 0 ? new Uint8Array(sizeBefore) : undefined;
    for (let otherSlot = 0; otherSlot < otherKeys.length; otherSlot++) {
      const key = otherKeys[otherSlot] as string;
      const count = otherCounts[otherSlot] as number;
      const error = otherErrors[otherSlot] as number;
      const slot = slotOfKey.get(key);
      if (slot === undefined) {
        slotOfKey.set(key, keys.length);
        keys.push(key);
        counts.push(count + missingHere);
        errors.push(error + missingHere);
      } else {
        if (sharedHere !== undefined && slot < sizeBefore) sharedHere[slot] = 1;
        counts[slot] = (counts[slot] as number) + count;
        errors[slot] = (errors[slot] as number) + error;
      }
    }
    if (sharedHere !== undefined) {
      for (let slot = 0; slot < sizeBefore; slot++) {
        if (sharedHere[slot] === 1) continue;
        counts[slot] = (counts[slot] as number) + missingThere;
        errors[slot] = (errors[slot] as number) + missingThere;
      }
    }
    // Counts changed: the min-ordered summary is rebuilt at the next eviction.
    this.summary = undefined;
    if (this.deferredUnseen !== undefined) {
      this.deferredUnseen += missingThere;
      this.dropped = this.dropped || otherDropped;
      return;
    }
    this.dropped = this.dropped || otherDropped || keys.length > this.capacity;
    if (keys.length > this.capacity) this.keepTop();
  }

  /** Ends a deferred merge: the union is cut back to `capacity` now (see {@link deferTruncation}). */
  private settle(): void {
    if (this.deferredUnseen === undefined) return;
    this.deferredUnseen = undefined;
    if (this.keys.length <= this.capacity) return;
    this.dropped = true;
    this.keepTop();
  }

  /**
   * The `k` largest counts, count descending then key ascending (UTF-16 code unit order, as
   * metrics.md asks). Entries carry `error` exactly when the sketch is not exact.
   */
  top(k: number): TopEntry[] {
    this.settle();
    const slots = this.firstSlotsInTopOrder(k);
    const length = Math.min(k, slots.length);
    const entries: TopEntry[] = new Array<TopEntry>(length);
    for (let i = 0; i < length; i++) {
      const slot = slots[i] as number;
      const key = this.keys[slot] as string;
      const count = this.counts[slot] as number;
      entries[i] = this.dropped ? { key, count, error: this.errors[slot] as number } : { key, count };
    }
    return entries;
  }

  /**
   * The state as compact JSON, in top order so equal sketches give equal snapshots. `canonical:
   * false` keeps the slots' own order instead: the same state (restore takes any order, and top()
   * and merges do not depend on it) without sorting up to `capacity` keys, for a store that
   * rewrites a sketch with every merge and never compares two snapshots.
   */
  snapshot(canonical = true): SpaceSavingSnapshot {
    this.settle();
    if (this.inTopOrder || !canonical) {
      const keys = this.keys.slice();
      const counts = this.counts.slice();
      return this.dropped ? { capacity: this.capacity, exact: false, keys, counts, errors: this.errors.slice() } : { capacity: this.capacity, exact: true, keys, counts };
    }
    const slots = this.slotsInTopOrder();
    const keys = slots.map((slot) => this.keys[slot] as string);
    const counts = slots.map((slot) => this.counts[slot] as number);
    if (!this.dropped) return { capacity: this.capacity, exact: true, keys, counts };
    const errors = slots.map((slot) => this.errors[slot] as number);
    return { capacity: this.capacity, exact: false, keys, counts, errors };
  }

  /**
   * A sketch from a {@link snapshot} (possibly read back from JSON).
   * @throws SketchStateError when the snapshot is malformed.
   */
  static restore(snapshot: SpaceSavingSnapshot): SpaceSaving {
    const { capacity, exact, keys, counts } = snapshot;
    if (!Number.isInteger(capacity) || capacity < 1 || typeof exact !== 'boolean') {
      throw new SketchStateError('sketch snapshot needs a positive integer capacity and a boolean exact');
    }
    if (!Array.isArray(keys) || !Array.isArray(counts)) throw new SketchStateError('sketch snapshot needs keys and counts arrays');
    const errors = exact ? new Array<number>(keys.length).fill(0) : snapshot.errors;
    if (!Array.isArray(errors)) throw new SketchStateError('an inexact sketch snapshot needs an errors array');
    if (keys.length > capacity || counts.length !== keys.length || errors.length !== keys.length) {
      throw new SketchStateError(
        `sketch snapshot has ${keys.length} keys, ${counts.length} counts and ${errors.length} errors for capacity ${capacity}`,
      );
    }
    if (!keys.every((key) => typeof key === 'string') || !counts.every((count, i) => isEntry(count, errors[i]))) {
      throw new SketchStateError('sketch snapshot keys must be strings, counts positive integers and errors integers from 0 to the count');
    }
    // The key map doubles as the check for repeated keys, and is kept: a restored sketch is usually merged into next.
    const slotOfKey = new Map<string, number>();
    for (let slot = 0; slot < keys.length; slot++) slotOfKey.set(keys[slot] as string, slot);
    if (slotOfKey.size !== keys.length) throw new SketchStateError('sketch snapshot repeats a key');
    if (!exact && keys.length < capacity) {
      // Keys are only dropped from a full sketch; a short inexact one would break the error bounds.
      throw new SketchStateError(`inexact sketch snapshot holds ${keys.length} keys, fewer than its capacity ${capacity}`);
    }
    const sketch = new SpaceSaving(capacity);
    sketch.adopt(keys.slice(), counts.slice(), exact ? errors : errors.slice(), !exact, slotOfKey);
    return sketch;
  }

  /** A key that was never seen, or dropped, occurred at most this often: 0 while exact, else the smallest count. */
  private unseenBound(): number {
    return unseenBoundOf(this.dropped, this.counts);
  }

  private slotOfKey(): Map<string, number> {
    if (this.slotOfKeyMap === undefined) {
      const slotOfKey = new Map<string, number>();
      for (let slot = 0; slot < this.keys.length; slot++) slotOfKey.set(this.keys[slot] as string, slot);
      this.slotOfKeyMap = slotOfKey;
    }
    return this.slotOfKeyMap;
  }

  private replaceMinimum(key: string): void {
    this.summary ??= new StreamSummary(this.counts);
    const slot = this.summary.minSlot();
    const minimum = this.counts[slot] as number;
    const slotOfKey = this.slotOfKey();
    slotOfKey.delete(this.keys[slot] as string);
    slotOfKey.set(key, slot);
    this.keys[slot] = key;
    this.errors[slot] = minimum;
    this.counts[slot] = minimum + 1;
    this.summary.increment(slot);
    this.dropped = true;
    this.inTopOrder = false;
  }

  /** Replaces the state with arrays this sketch now owns (at most `capacity` entries). */
  private adopt(keys: string[], counts: number[], errors: number[], dropped: boolean, slotOfKey: Map<string, number> | undefined, inTopOrder = false): void {
    this.inTopOrder = inTopOrder;
    this.keys = keys;
    this.counts = counts;
    this.errors = errors;
    this.dropped = dropped;
    this.summary = undefined;
    this.slotOfKeyMap = slotOfKey;
  }

  /** Keeps the `capacity` entries first in top order, in that order (later evictions depend on slot order). */
  private keepTop(): void {
    const { keys, counts, errors } = this;
    const order = this.slotsInTopOrder();
    const kept = order.slice(0, this.capacity);
    this.keys = kept.map((slot) => keys[slot] as string);
    this.counts = kept.map((slot) => counts[slot] as number);
    this.errors = kept.map((slot) => errors[slot] as number);
    this.summary = undefined;
    this.inTopOrder = true;
    // Slots moved: update the map in place (overwriting entries is much cheaper than building a new map).
    const slotOfKey = this.slotOfKeyMap;
    if (slotOfKey === undefined) return;
    for (let rank = this.capacity; rank < order.length; rank++) slotOfKey.delete(keys[order[rank] as number] as string);
    for (let slot = 0; slot < this.keys.length; slot++) slotOfKey.set(this.keys[slot] as string, slot);
  }

  /**
   * The first min(k, size) slots of {@link slotsInTopOrder}, without sorting them all: one pass
   * keeps the k best seen so far in order (a new slot rarely beats the k-th once counts settle).
   */
  private firstSlotsInTopOrder(k: number): number[] {
    const n = this.keys.length;
    if (k <= 0 || n === 0) return [];
    if (this.inTopOrder) return Array.from({ length: Math.min(k, n) }, (_, slot) => slot);
    if (k * 16 >= n) return this.slotsInTopOrder().slice(0, k);
    const keys = this.keys;
    const counts = this.counts;
    // a before b in top order: larger count, then smaller key (keys are distinct).
    const before = (a: number, b: number): boolean => {
      const countA = counts[a] as number;
      const countB = counts[b] as number;
      return countA !== countB ? countA > countB : (keys[a] as string) < (keys[b] as string);
    };
    const best: number[] = [];
    for (let slot = 0; slot < n; slot++) {
      if (best.length === k && !before(slot, best[k - 1] as number)) continue;
      let i = best.length === k ? k - 1 : best.length;
      while (i > 0 && before(slot, best[i - 1] as number)) {
        best[i] = best[i - 1] as number;
        i--;
      }
      best[i] = slot;
    }
    return best;
  }

  private slotsInTopOrder(): number[] {
    return Array.from({ length: this.keys.length }, (_, slot) => slot).sort(topOrderComparator(this.keys, this.counts));
  }
}

/** Slots in top order: count descending, then key ascending in UTF-16 code units (keys are distinct). */
function topOrderComparator(keys: readonly string[], counts: readonly number[]): (a: number, b: number) => number {
  return (a, b) => {
    const byCount = (counts[b] as number) - (counts[a] as number);
    if (byCount !== 0) return byCount;
    const keyA = keys[a] as string;
    const keyB = keys[b] as string;
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  };
}

/** See {@link SpaceSaving.unseenBound}. */
function unseenBoundOf(dropped: boolean, counts: readonly number[]): number {
  if (!dropped) return 0;
  let min = Infinity;
  for (const count of counts) if (count < min) min = count;
  return min;
}

function isEntry(count: unknown, error: unknown): boolean {
  return Number.isSafeInteger(count) && Number.isSafeInteger(error) && (count as number) >= 1 && (error as number) >= 0 && (error as number) <= (count as number);
}
