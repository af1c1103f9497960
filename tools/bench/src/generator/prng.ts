// The generator's only source of randomness. Math.random cannot be seeded, and the benchmark
// file must be byte-identical for a given seed so that cached files, reported numbers and test
// fixtures all describe the same data.

/** splitmix32: spreads one 32-bit seed over the four words of xoshiro's state (never all zero). */
function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** xoshiro128**: 32-bit arithmetic only, so it stays fast and exact in JavaScript numbers. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const state = { value: seed | 0 };
    this.a = splitmix32(state);
    this.b = splitmix32(state);
    this.c = splitmix32(state);
    this.d = splitmix32(state);
  }

  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform number in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.nextInt(items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }

  /** `length` lowercase hex digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** `length` characters of [A-Z0-9], the alphabet of AWS access key and principal ids. */
  upperAlnum(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += UPPER_ALNUM[this.nextInt(UPPER_ALNUM.length)];
    return out;
  }

  /** A random (version 4 layout) UUID, as CloudTrail uses for eventID and requestID. */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.nextInt(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Fisher-Yates shuffle into a new array. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
