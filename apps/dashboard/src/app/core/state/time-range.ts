import { MAX_WINDOWS_PER_QUERY } from '@trailpulse/api-contract';

export const RANGE_PRESETS = [
  { id: '15m', label: 'Last 15 min', durationMs: 15 * 60_000 },
  { id: '1h', label: 'Last hour', durationMs: 60 * 60_000 },
  { id: '24h', label: 'Last 24 h', durationMs: 24 * 3_600_000 },
  { id: '7d', label: 'Last 7 days', durationMs: 7 * 86_400_000 },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]['id'];

export const DEFAULT_PRESET: RangePreset = '1h';

/** What the picker chose: a sliding "last N" range, or fixed instants (custom). */
export type TimeRange = { readonly kind: 'relative'; readonly preset: RangePreset } | { readonly kind: 'absolute'; readonly fromMs: number; readonly toMs: number };

/** The API's window length to ask for, and the (multiple of it) bucket the charts draw. */
export interface Resolution {
  readonly windowSeconds: number;
  readonly bucketSeconds: number;
}

/** Chart points are at most about this many per series: readable on a laptop, light to draw. */
export const TARGET_MAX_POINTS = 300;

/** Bucket lengths the charts use, seconds (each a whole number of the API's usual 10 s / 60 s windows). */
export const BUCKET_STEPS_SECONDS: readonly number[] = [10, 60, 300, 900, 3_600, 6 * 3_600, 86_400];

export class RangeTooLongError extends Error {
  override readonly name = 'RangeTooLongError';
}

export function presetDurationMs(preset: RangePreset): number {
  return RANGE_PRESETS.find((candidate) => candidate.id === preset)?.durationMs ?? 3_600_000;
}

export function rangeDurationMs(range: TimeRange): number {
  return range.kind === 'relative' ? presetDurationMs(range.preset) : range.toMs - range.fromMs;
}

/**
 * The bucket: the smallest step giving at most TARGET_MAX_POINTS points. The window: the longest
 * served window length that divides the bucket while one request stays within the API's
 * MAX_WINDOWS_PER_QUERY. E.g. with windows 10 s and 60 s: 15 min -> 10 s / 10 s, 1 h -> 60 s / 60 s,
 * 24 h -> 60 s windows in 5 min buckets, 7 d -> 60 s windows in 1 h buckets.
 */
export function chooseResolution(durationMs: number, servedWindowSeconds: readonly number[]): Resolution {
  const durationSeconds = Math.max(1, durationMs / 1000);
  const served = [...servedWindowSeconds].sort((a, b) => b - a);
  for (const bucketSeconds of BUCKET_STEPS_SECONDS) {
    if (durationSeconds / bucketSeconds > TARGET_MAX_POINTS) continue;
    const windowSeconds = served.find((length) => bucketSeconds % length === 0 && Math.ceil(durationSeconds / length) <= MAX_WINDOWS_PER_QUERY);
    if (windowSeconds !== undefined) return { windowSeconds, bucketSeconds };
  }
  const longest = served[0] ?? 60;
  const maxDays = (longest * MAX_WINDOWS_PER_QUERY) / 86_400;
  throw new RangeTooLongError(
    `the API serves windows of ${servedWindowSeconds.join(', ')} s and answers at most ${MAX_WINDOWS_PER_QUERY} per request: choose a range of at most ${formatDays(maxDays)}`,
  );
}

/** `[fromMs, toMs)` on window starts: a relative range ends after the window that holds `nowMs`. */
export function resolveRange(range: TimeRange, nowMs: number, resolution: Resolution): { fromMs: number; toMs: number } {
  if (range.kind === 'absolute') return { fromMs: range.fromMs, toMs: range.toMs };
  const windowMs = resolution.windowSeconds * 1000;
  const toMs = Math.floor(nowMs / windowMs) * windowMs + windowMs;
  const bucketMs = resolution.bucketSeconds * 1000;
  const fromMs = Math.floor((toMs - presetDurationMs(range.preset)) / bucketMs) * bucketMs;
  return { fromMs, toMs };
}

function formatDays(days: number): string {
  return days >= 1 ? `${Math.floor(days * 10) / 10} days` : `${Math.floor(days * 24)} hours`;
}
