import { BloomFilter } from './bloom-filter';
import { EXACT_FIRST_SEEN_MAX_KEY_CHARS, EXACT_FIRST_SEEN_MAX_KEYS, FIRST_SEEN_FALSE_POSITIVE_RATE } from './limits';

/** How a SeenSet is serialized: its keys while exact, else its Bloom filter. */
export type SeenSetState =
  | { readonly keys: string[] }
  | { readonly bloom: { readonly bits: number; readonly hashes: number; readonly data: string } };

/**
 * The keys a firstSeen series has seen: an exact set while it holds at most
 * min(capacity, EXACT_FIRST_SEEN_MAX_KEYS) keys and EXACT_FIRST_SEEN_MAX_KEY_CHARS characters, then a
 * Bloom filter sized for `capacity` keys at FIRST_SEEN_FALSE_POSITIVE_RATE. `has` errs only one way:
 * a key never added may read as seen (a new key missed), an added key always reads as seen (never a
 * false alarm). Which regime it is in, and its state, depend only on the set of keys added.
 */
export class SeenSet {
  private exact: Set<string> | undefined = new Set<string>();
  private exactChars = 0;
  private bloom: BloomFilter | undefined;

  constructor(private readonly capacity: number) {}

  static fromState(capacity: number, state: SeenSetState): SeenSet | undefined {
    const set = new SeenSet(capacity);
    if ('keys' in state) {
      for (const key of state.keys) set.add(key);
      return set;
    }
    const { bits, hashes, data } = state.bloom;
    const expected = BloomFilter.forCapacity(capacity, FIRST_SEEN_FALSE_POSITIVE_RATE);
    if (bits !== expected.bits || hashes !== expected.hashes) return undefined;
    const bloom = BloomFilter.decode(bits, hashes, data);
    if (bloom === undefined) return undefined;
    set.exact = undefined;
    set.bloom = bloom;
    return set;
  }

  get isExact(): boolean {
    return this.exact !== undefined;
  }

  /** Keys held: exact, or the Bloom filter's estimate. */
  get size(): number {
    return this.exact?.size ?? this.bloom?.estimatedSize() ?? 0;
  }

  has(key: string): boolean {
    return this.exact?.has(key) ?? this.bloom?.has(key) ?? false;
  }

  add(key: string): void {
    if (this.exact === undefined) {
      this.bloom?.add(key);
      return;
    }
    if (this.exact.has(key)) return;
    this.exact.add(key);
    this.exactChars += key.length;
    if (this.exact.size > Math.min(this.capacity, EXACT_FIRST_SEEN_MAX_KEYS) || this.exactChars > EXACT_FIRST_SEEN_MAX_KEY_CHARS) {
      const bloom = BloomFilter.forCapacity(this.capacity, FIRST_SEEN_FALSE_POSITIVE_RATE);
      for (const known of this.exact) bloom.add(known);
      this.bloom = bloom;
      this.exact = undefined;
    }
  }

  state(): SeenSetState {
    if (this.exact !== undefined) return { keys: [...this.exact].sort() };
    const bloom = this.bloom as BloomFilter;
    return { bloom: { bits: bloom.bits, hashes: bloom.hashes, data: bloom.encode() } };
  }
}
