import { HyperLogLog } from './hyperloglog';
import { EXACT_DISTINCT_MAX_KEY_CHARS, EXACT_DISTINCT_MAX_KEYS } from './limits';

export interface DistinctLimits {
  /** Most keys kept exactly. */
  readonly maxKeys: number;
  /** Most UTF-16 code units of key text kept exactly. */
  readonly maxKeyChars: number;
}

export const DEFAULT_DISTINCT_LIMITS: DistinctLimits = {
  maxKeys: EXACT_DISTINCT_MAX_KEYS,
  maxKeyChars: EXACT_DISTINCT_MAX_KEY_CHARS,
};

/** A distinct count: exact, or a HyperLogLog estimate (relative standard error 1.625 %). */
export interface DistinctCount {
  readonly distinct: number;
  readonly approximate: boolean;
}

/**
 * Counts distinct keys exactly while the set is small, then switches to HyperLogLog for good.
 * Whether it switched depends only on the set of keys seen (its size and total length), and the
 * sketch of a set does not depend on insertion order, so any split of the keys merged in any order
 * gives exactly the state of a single pass, in both regimes.
 */
type CounterState =
  | { readonly kind: 'exact'; readonly keys: Set<string>; keyChars: number }
  | { readonly kind: 'sketch'; readonly sketch: HyperLogLog };

export class DistinctCounter {
  private state: CounterState = { kind: 'exact', keys: new Set(), keyChars: 0 };

  constructor(private readonly limits: DistinctLimits = DEFAULT_DISTINCT_LIMITS) {}

  static fromKeys(keys: Iterable<string>, limits: DistinctLimits = DEFAULT_DISTINCT_LIMITS): DistinctCounter {
    const counter = new DistinctCounter(limits);
    for (const key of keys) counter.add(key);
    return counter;
  }

  static fromSketch(sketch: HyperLogLog, limits: DistinctLimits = DEFAULT_DISTINCT_LIMITS): DistinctCounter {
    const counter = new DistinctCounter(limits);
    counter.state = { kind: 'sketch', sketch };
    return counter;
  }

  add(key: string): void {
    const state = this.state;
    if (state.kind === 'sketch') {
      state.sketch.add(key);
      return;
    }
    if (state.keys.has(key)) return;
    state.keys.add(key);
    state.keyChars += key.length;
    if (state.keys.size > this.limits.maxKeys || state.keyChars > this.limits.maxKeyChars) this.switchToSketch(state.keys);
  }

  merge(other: DistinctCounter): void {
    if (other.state.kind === 'exact') {
      for (const key of other.state.keys) this.add(key);
      return;
    }
    const sketch = this.state.kind === 'sketch' ? this.state.sketch : this.switchToSketch(this.state.keys);
    sketch.merge(other.state.sketch);
  }

  count(): DistinctCount {
    if (this.state.kind === 'exact') return { distinct: this.state.keys.size, approximate: false };
    return { distinct: Math.round(this.state.sketch.estimate()), approximate: true };
  }

  /** Serializable state: the exact keys (sorted, so equal sets serialize equally) or the sketch's registers. */
  serialize(): { readonly keys: string[] } | { readonly registers: string } {
    return this.state.kind === 'exact' ? { keys: [...this.state.keys].sort() } : { registers: this.state.sketch.encode() };
  }

  private switchToSketch(keys: ReadonlySet<string>): HyperLogLog {
    const sketch = HyperLogLog.empty();
    for (const key of keys) sketch.add(key);
    this.state = { kind: 'sketch', sketch };
    return sketch;
  }
}
