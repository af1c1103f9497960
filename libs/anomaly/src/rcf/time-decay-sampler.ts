import { type SeededRandom } from './seeded-random';

/** One sampled point and its reservoir key (smaller keys stay longer). */
export interface SampledPoint {
  readonly key: number;
  readonly point: Float64Array;
}

/** What offering a point did: whether the tree must insert it, and which point it must forget. */
export interface SampleChange {
  readonly accepted: boolean;
  readonly evicted: Float64Array | undefined;
}

/**
 * A reservoir of at most `capacity` points where newer points are exponentially more likely to be
 * kept (Guha et al. 2016, §5: sampling with time decay). The i-th point gets weight exp(i / timeDecay)
 * and key log(E) − i / timeDecay with E ~ Exp(1): keeping the smallest keys is Efraimidis and Spirakis'
 * weighted reservoir sampling (2006) in log space, so keys neither overflow nor need rescaling.
 * A max-heap on the key finds the point to evict in O(log capacity).
 */
export class TimeDecaySampler {
  constructor(
    private readonly capacity: number,
    private readonly timeDecay: number,
    readonly heap: SampledPoint[] = [],
  ) {}

  offer(point: Float64Array, index: number, random: SeededRandom): SampleChange {
    const key = Math.log(-Math.log(random.next())) - index / this.timeDecay;
    if (this.heap.length < this.capacity) {
      this.heap.push({ key, point });
      this.siftUp(this.heap.length - 1);
      return { accepted: true, evicted: undefined };
    }
    const top = this.heap[0];
    if (top === undefined || key >= top.key) return { accepted: false, evicted: undefined };
    this.heap[0] = { key, point };
    this.siftDown(0);
    return { accepted: true, evicted: top.point };
  }

  private siftUp(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keyAt(parent) >= this.keyAt(i)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(start: number): void {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < this.heap.length && this.keyAt(left) > this.keyAt(largest)) largest = left;
      if (right < this.heap.length && this.keyAt(right) > this.keyAt(largest)) largest = right;
      if (largest === i) return;
      this.swap(i, largest);
      i = largest;
    }
  }

  private keyAt(i: number): number {
    return (this.heap[i] as SampledPoint).key;
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i] as SampledPoint;
    this.heap[i] = this.heap[j] as SampledPoint;
    this.heap[j] = a;
  }
}
