// Source addresses: a Zipf-skewed hot set (NAT gateways, CI runners, office egress) plus a long
// tail walked round-robin, so the number of distinct addresses is controlled by the pool size.
import { type Prng } from './prng';
import { ZipfSampler } from './zipf';

/** Odd, so multiplying by it permutes the 32-bit integers: distinct pool slots get distinct addresses. */
const SCATTER = 0x9e37_79b1;

export class SourceIpPool {
  private readonly hot: ZipfSampler | undefined;
  private nextRoundRobin = 0;
  /** Which pool slots were handed out, for the exact distinct count (size / 8 bytes). */
  private readonly used: Uint8Array;
  private usedCount = 0;

  constructor(
    readonly size: number,
    private readonly hotShare: number,
    private readonly salt: number,
  ) {
    this.hot = hotShare > 0 ? new ZipfSampler(size, 1) : undefined;
    this.used = new Uint8Array(Math.ceil(size / 8));
  }

  draw(prng: Prng): string {
    let slot: number;
    if (this.hot !== undefined && prng.chance(this.hotShare)) {
      slot = this.hot.sample(prng);
    } else {
      slot = this.nextRoundRobin;
      this.nextRoundRobin = (this.nextRoundRobin + 1) % this.size;
    }
    this.markUsed(slot);
    return this.address(slot);
  }

  /** Distinct addresses handed out so far. */
  get distinctDrawn(): number {
    return this.usedCount;
  }

  private markUsed(slot: number): void {
    const byte = slot >>> 3;
    const bit = 1 << (slot & 7);
    const current = this.used[byte] ?? 0;
    if ((current & bit) === 0) {
      this.used[byte] = current | bit;
      this.usedCount++;
    }
  }

  /** Dotted quad of a pool slot (a bijection of the 32-bit integers, so never a collision). */
  private address(slot: number): string {
    const x = (Math.imul(slot, SCATTER) ^ this.salt) >>> 0;
    return `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
  }
}
