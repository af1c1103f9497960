/**
 * The last `capacity` values, kept both in arrival order (to know which one leaves) and sorted (for
 * the median and the median absolute deviation in O(capacity) per update, without sorting again).
 */
export class SlidingWindow {
  private readonly sorted: number[] = [];

  constructor(
    private readonly capacity: number,
    /** Oldest first. */
    readonly values: number[] = [],
  ) {
    for (const value of values) this.sorted.splice(this.insertionIndex(value), 0, value);
  }

  get length(): number {
    return this.values.length;
  }

  push(value: number): void {
    if (this.values.length === this.capacity) {
      const leaving = this.values.shift() as number;
      this.sorted.splice(this.insertionIndex(leaving), 1);
    }
    this.values.push(value);
    this.sorted.splice(this.insertionIndex(value), 0, value);
  }

  /** The median; NaN when empty. */
  median(): number {
    return middleOf(this.sorted.length, (i) => this.sorted[i] as number);
  }

  /**
   * The median of |value − median|. The deviations below and above the median are each sorted
   * already (walking outwards from it), so merging them up to the middle needs no sort.
   */
  medianAbsoluteDeviation(): number {
    const n = this.sorted.length;
    const center = this.median();
    const deviations: number[] = [];
    let below = (n >> 1) - 1 + (n % 2);
    let above = below + 1;
    while (deviations.length <= n >> 1) {
      const down = below >= 0 ? center - (this.sorted[below] as number) : Infinity;
      const up = above < n ? (this.sorted[above] as number) - center : Infinity;
      if (down <= up) {
        deviations.push(down);
        below--;
      } else {
        deviations.push(up);
        above++;
      }
    }
    return middleOf(n, (i) => deviations[i] as number);
  }

  /** First index whose value is >= `value` (binary search). */
  private insertionIndex(value: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.sorted[mid] as number) < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function middleOf(n: number, at: (i: number) => number): number {
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? at(n >> 1) : (at((n >> 1) - 1) + at(n >> 1)) / 2;
}
