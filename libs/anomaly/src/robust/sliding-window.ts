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
   * The median of |value − median|. The deviations below the median (walking down from it) and
   * above it (walking up) are two sorted sequences, so the middle deviation is the k-th smallest of
   * two sorted arrays: a binary search, O(log n), instead of merging half the window on every update.
   */
  medianAbsoluteDeviation(): number {
    const n = this.sorted.length;
    if (n === 0) return Number.NaN;
    const center = this.median();
    const lowest = (n >> 1) - 1 + (n % 2);
    const below = (i: number) => center - (this.sorted[lowest - i] as number);
    const above = (j: number) => (this.sorted[lowest + 1 + j] as number) - center;
    const kth = (k: number) => kthOfTwoSorted(below, lowest + 1, above, n - lowest - 1, k);
    return n % 2 === 1 ? kth(n >> 1) : (kth((n >> 1) - 1) + kth(n >> 1)) / 2;
  }

  /** How many values v of the window have low <= v <= high: two binary searches. */
  countBetween(low: number, high: number): number {
    return this.firstIndexAbove(high) - this.insertionIndex(low);
  }

  /** The smallest value; NaN when empty. */
  min(): number {
    return this.sorted[0] ?? Number.NaN;
  }

  /** The largest value; NaN when empty. */
  max(): number {
    return this.sorted[this.sorted.length - 1] ?? Number.NaN;
  }

  /** First index whose value is > `value` (binary search). */
  private firstIndexAbove(value: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.sorted[mid] as number) <= value) low = mid + 1;
      else high = mid;
    }
    return low;
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

/**
 * The k-th smallest (0-based) of the union of two ascending sequences a (length aLength) and b:
 * binary search on how many of the k + 1 smallest come from a.
 */
function kthOfTwoSorted(a: (i: number) => number, aLength: number, b: (j: number) => number, bLength: number, k: number): number {
  let low = Math.max(0, k + 1 - bLength);
  let high = Math.min(aLength, k + 1);
  for (;;) {
    const i = (low + high) >> 1;
    const j = k + 1 - i;
    if (i < aLength && j > 0 && b(j - 1) > a(i)) low = i + 1;
    else if (i > 0 && j < bLength && a(i - 1) > b(j)) high = i - 1;
    else return Math.max(i > 0 ? a(i - 1) : -Infinity, j > 0 ? b(j - 1) : -Infinity);
  }
}

function middleOf(n: number, at: (i: number) => number): number {
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? at(n >> 1) : (at((n >> 1) - 1) + at(n >> 1)) / 2;
}
