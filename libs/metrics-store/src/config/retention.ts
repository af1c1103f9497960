import { StoreConfigError } from '../errors';

const DAY_SECONDS = 86_400;

/**
 * How long rows of each window length live, in seconds past the window's end (issue #6): the
 * 10 s dashboard window for a day, minutes for two weeks, hours for 400 days (a year and a
 * month, so "same time last year" stays answerable). The one place these defaults live.
 */
export const DEFAULT_RETENTION_SECONDS: Readonly<Record<number, number>> = Object.freeze({
  10: 1 * DAY_SECONDS,
  60: 14 * DAY_SECONDS,
  3600: 400 * DAY_SECONDS,
});

/** Retention per window length in seconds: only these window lengths can be stored. */
export type RetentionTiers = Readonly<Record<number, number>>;

/** @throws StoreConfigError when a tier is not a positive whole number of seconds. */
export function checkRetentionTiers(tiers: RetentionTiers): RetentionTiers {
  const entries = Object.entries(tiers);
  if (entries.length === 0) throw new StoreConfigError('retention needs at least one window length');
  for (const [windowSeconds, seconds] of entries) {
    if (!/^[1-9]\d*$/.test(windowSeconds)) throw new StoreConfigError(`retention window length "${windowSeconds}" is not a positive whole number of seconds`);
    if (!Number.isSafeInteger(seconds) || seconds < 1) {
      throw new StoreConfigError(`retention of ${windowSeconds} s windows must be a positive whole number of seconds, got ${String(seconds)}`);
    }
  }
  return tiers;
}

/** Window lengths with a retention tier, ascending. */
export function tierWindowLengths(tiers: RetentionTiers): number[] {
  return Object.keys(tiers)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The TTL attribute of a row (`expiresAt`, epoch seconds): the window's end plus its tier's
 * retention, so a late revision of an old window never extends its life past its tier.
 * @throws StoreConfigError when the window length has no tier.
 */
export function expiresAtFor(tiers: RetentionTiers, windowSeconds: number, startMs: number): number {
  const retention = tiers[windowSeconds];
  if (retention === undefined) {
    throw new StoreConfigError(
      `no retention tier for ${windowSeconds} s windows (tiers: ${tierWindowLengths(tiers).join(', ')} s); add one to the store's retention option`,
    );
  }
  return Math.floor(startMs / 1000) + windowSeconds + retention;
}
