// Zipf-distributed ranks: real trails are dominated by a few services, principals and addresses
// with a long tail, and the top-K metrics are only interesting on such skewed data.
import { type Prng } from './prng';

/** Draws ranks 0..n-1 with P(rank k) proportional to 1 / (k + 1)^exponent. */
export class ZipfSampler {
  /** Cumulative probabilities; Float64Array keeps a million-entry table at 8 MB. */
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Zipf size must be a positive integer, got ${size}`);
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let k = 0; k < size; k++) {
      total += 1 / Math.pow(k + 1, exponent);
      this.cumulative[k] = total;
    }
    for (let k = 0; k < size; k++) this.cumulative[k] = (this.cumulative[k] ?? 0) / total;
  }

  sample(prng: Prng): number {
    const u = prng.nextFloat();
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 1) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
