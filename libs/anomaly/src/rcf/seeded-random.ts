/**
 * A small seeded pseudo-random generator (Mulberry32: a 32-bit counter passed through an integer
 * mixing function). Its whole state is one 32-bit integer, so a forest's snapshot can carry it and a
 * restored forest draws exactly the numbers the original would have drawn.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The current state, to write into a snapshot and pass back to the constructor. */
  get seed(): number {
    return this.state;
  }

  /** A uniform number in (0, 1): never exactly 0 or 1, so log(u) and log(-log(u)) stay finite. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return (((mixed ^ (mixed >>> 14)) >>> 0) + 0.5) / 4294967296;
  }
}
