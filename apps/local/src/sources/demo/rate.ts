/**
 * How many background records a second of demo traffic holds: a base rate shaped by the time of day
 * (busiest mid-afternoon UTC), a slow wobble that changes smoothly from minute to minute, and a little
 * per-second jitter, so the charts move like a real organization's without tripping the anomaly detector.
 */
import { mixSeed, Random } from './random';

/** Background events per second around which the day swings (the default gives about 50 to 190 per second). */
export const DEFAULT_DEMO_EVENTS_PER_SECOND = 110;
export const MAX_DEMO_EVENTS_PER_SECOND = 5000;

const DIURNAL_AMPLITUDE = 0.35;
const WOBBLE_AMPLITUDE = 0.15;
const JITTER_AMPLITUDE = 0.1;
/** Hour (UTC) of the daily trough; the peak is 12 hours later. */
const TROUGH_HOUR_UTC = 3;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The least and most background records any second can hold at `eventsPerSecond`. */
export function demoRateBounds(eventsPerSecond: number): { readonly min: number; readonly max: number } {
  return {
    min: Math.floor(eventsPerSecond * (1 - DIURNAL_AMPLITUDE) * (1 - WOBBLE_AMPLITUDE) * (1 - JITTER_AMPLITUDE)),
    max: Math.ceil(eventsPerSecond * (1 + DIURNAL_AMPLITUDE) * (1 + WOBBLE_AMPLITUDE) * (1 + JITTER_AMPLITUDE)),
  };
}

/** Expected background records per second at `timeMs`, before the per-second jitter. */
export function backgroundRate(eventsPerSecond: number, seed: number, timeMs: number): number {
  const dayFraction = (((timeMs - TROUGH_HOUR_UTC * 3_600_000) % DAY_MS) + DAY_MS) % DAY_MS / DAY_MS;
  const diurnal = 1 - DIURNAL_AMPLITUDE * Math.cos(2 * Math.PI * dayFraction);
  const minute = Math.floor(timeMs / MINUTE_MS);
  const progress = (timeMs - minute * MINUTE_MS) / MINUTE_MS;
  const blend = (1 - Math.cos(Math.PI * progress)) / 2;
  const wobble = minuteWobble(seed, minute) * (1 - blend) + minuteWobble(seed, minute + 1) * blend;
  return eventsPerSecond * diurnal * (1 + WOBBLE_AMPLITUDE * wobble);
}

/** Background records in the second starting at `secondStartMs`. */
export function backgroundCount(eventsPerSecond: number, seed: number, secondStartMs: number, random: Random): number {
  const { min, max } = demoRateBounds(eventsPerSecond);
  const jittered = backgroundRate(eventsPerSecond, seed, secondStartMs) * (1 - JITTER_AMPLITUDE + 2 * JITTER_AMPLITUDE * random.next());
  return Math.min(max, Math.max(min, Math.round(jittered)));
}

/** A value in [-1, 1) fixed per minute. */
function minuteWobble(seed: number, minute: number): number {
  return new Random(mixSeed(seed, 0x77, minute)).next() * 2 - 1;
}
