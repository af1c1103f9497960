import { decodeBase64, encodeBase64 } from './base64';
import { hashString } from './string-hash';

const SEED_1 = 0x6b43a9b5;
const SEED_2 = 0x2f7c1e3d;

/**
 * A Bloom filter of strings: `has` is never wrong for a key that was added, and says true for a
 * key that was not with probability about (1 - e^(-kn/m))^k after n keys. Sized for `capacity`
 * keys at a false-positive rate; the bits depend only on the set of keys added (order-free).
 * Hashes: double hashing (Kirsch & Mitzenmacher 2006) of two independent 32-bit string hashes.
 */
export class BloomFilter {
  private constructor(
    readonly bits: number,
    readonly hashes: number,
    private readonly data: Uint8Array,
  ) {}

  /** Optimal size for `capacity` keys at `falsePositiveRate`: m = -n ln p / ln²2 bits, k = (m/n) ln 2 hashes. */
  static forCapacity(capacity: number, falsePositiveRate: number): BloomFilter {
    const bits = Math.max(8, Math.ceil((-capacity * Math.log(falsePositiveRate)) / Math.LN2 ** 2));
    const hashes = Math.max(1, Math.round((bits / capacity) * Math.LN2));
    return new BloomFilter(bits, hashes, new Uint8Array(Math.ceil(bits / 8)));
  }

  /** The filter `encode()` wrote, or undefined when `data` does not fit `bits`. */
  static decode(bits: number, hashes: number, data: string): BloomFilter | undefined {
    const bytes = decodeBase64(data, Math.ceil(bits / 8));
    return bytes === undefined ? undefined : new BloomFilter(bits, hashes, bytes);
  }

  add(key: string): void {
    const h1 = hashString(key, SEED_1);
    const h2 = (hashString(key, SEED_2) | 1) >>> 0;
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h1 + i * h2) % this.bits;
      this.data[bit >> 3] = (this.data[bit >> 3] as number) | (1 << (bit & 7));
    }
  }

  has(key: string): boolean {
    const h1 = hashString(key, SEED_1);
    const h2 = (hashString(key, SEED_2) | 1) >>> 0;
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h1 + i * h2) % this.bits;
      if (((this.data[bit >> 3] as number) & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }

  /** Distinct keys added, estimated from the bits set (Swamidass & Baldi 2007): -(m/k) ln(1 - X/m). */
  estimatedSize(): number {
    let set = 0;
    for (const byte of this.data) for (let v = byte; v !== 0; v &= v - 1) set++;
    if (set >= this.bits) return Infinity;
    return Math.round((-this.bits / this.hashes) * Math.log(1 - set / this.bits));
  }

  encode(): string {
    return encodeBase64(this.data);
  }
}
