/**
 * eventIDs of demo records: UUID-shaped and unique by construction, not by luck. The last 48 bits hold
 * the record's number (second of traffic x 10,000 + index within that second) xor-ed with a mask drawn
 * from the seed, so two records of one seed never share an id while ids still look random.
 */
import { mixSeed, Random } from './random';

/** Records one second of demo traffic may hold (ids are unique below this). */
export const MAX_RECORDS_PER_SECOND = 10_000;

export function demoEventId(seed: number, epochSecond: number, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_RECORDS_PER_SECOND) {
    throw new RangeError(`demo record index ${index} is outside 0..${MAX_RECORDS_PER_SECOND - 1}`);
  }
  const mask = new Random(mixSeed(seed, 0x1d)).next();
  const ordinal = epochSecond * MAX_RECORDS_PER_SECOND + index;
  // 48 bits as two 24-bit halves: xor stays within 32-bit integer arithmetic.
  const maskHigh = Math.floor(mask * 0x100_0000);
  const maskLow = Math.floor(mask * 0x1_0000_0000_0000) % 0x100_0000;
  const high = (Math.floor(ordinal / 0x100_0000) % 0x100_0000) ^ maskHigh;
  const low = (ordinal % 0x100_0000) ^ maskLow;
  const random = new Random(mixSeed(seed, epochSecond, index));
  const variant = '89ab'[random.int(4)] ?? '8';
  return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${variant}${random.hex(3)}-${hex24(high)}${hex24(low)}`;
}

function hex24(value: number): string {
  return value.toString(16).padStart(6, '0');
}
