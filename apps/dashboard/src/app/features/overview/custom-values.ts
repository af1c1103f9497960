import { type MetricsWindow } from '@trailpulse/api-contract';
import { type Bucket, byCountThenKey, DEFAULT_TOP_K } from './aggregate';

/**
 * How a custom metric's per-window value is drawn. Values depend on the measure
 * (examples/custom-metrics/README.md): `count` a number, `distinctCount` `{distinct, approximate}`,
 * `topK` a list of `{key, count}`, `errorRate` `{calls, errors, ...}`. Anything else is shown as JSON.
 */
export type CustomValueKind = 'count' | 'distinct' | 'error-rate' | 'top-k' | 'unknown';

interface TopEntry {
  readonly key: string;
  readonly count: number;
}

export interface CustomSeries {
  readonly kind: CustomValueKind;
  /** One point per bucket: the sum (count), the highest window (distinct), the rate (errors / calls); null without a value. */
  readonly points: readonly (readonly [number, number | null])[];
  /** top-k: the lists summed over the range. */
  readonly top: readonly TopEntry[];
  /** Whether some value was an estimate (distinct counts beyond their exact range, sketch errors). */
  readonly approximate: boolean;
  /** The newest value as the API sent it, for the JSON view of unknown shapes. */
  readonly latest: unknown;
}

export function valueKind(value: unknown): CustomValueKind {
  if (typeof value === 'number') return 'count';
  if (Array.isArray(value)) return value.every(isTopEntry) ? 'top-k' : 'unknown';
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['distinct'] === 'number') return 'distinct';
    if (typeof record['calls'] === 'number' && typeof record['errors'] === 'number') return 'error-rate';
  }
  return 'unknown';
}

function isTopEntry(value: unknown): value is TopEntry & { error?: number } {
  return typeof value === 'object' && value !== null && typeof (value as TopEntry).key === 'string' && typeof (value as TopEntry).count === 'number';
}

function valueOf(window: MetricsWindow, id: string): unknown {
  return window.metrics.custom?.[id];
}

export function customSeries(buckets: readonly Bucket[], id: string): CustomSeries {
  const values = buckets.flatMap((bucket) => bucket.windows.map((window) => valueOf(window, id))).filter((value) => value !== undefined);
  const kind = values.length === 0 ? 'unknown' : valueKind(values[values.length - 1]);
  const latest = values[values.length - 1];
  let approximate = false;
  const totals = new Map<string, number>();
  const points = buckets.map((bucket): readonly [number, number | null] => {
    const inBucket = bucket.windows.map((window) => valueOf(window, id)).filter((value) => value !== undefined && valueKind(value) === kind);
    if (inBucket.length === 0) return [bucket.startMs, kind === 'count' || kind === 'top-k' ? 0 : null];
    switch (kind) {
      case 'count':
        return [bucket.startMs, inBucket.reduce<number>((sum, value) => sum + (value as number), 0)];
      case 'distinct': {
        const distinct = inBucket as { distinct: number; approximate?: boolean }[];
        if (distinct.some((value) => value.approximate === true)) approximate = true;
        return [bucket.startMs, Math.max(...distinct.map((value) => value.distinct))];
      }
      case 'error-rate': {
        const rates = inBucket as { calls: number; errors: number }[];
        const calls = rates.reduce((sum, value) => sum + value.calls, 0);
        const errors = rates.reduce((sum, value) => sum + value.errors, 0);
        return [bucket.startMs, calls === 0 ? null : errors / calls];
      }
      case 'top-k': {
        let sum = 0;
        for (const list of inBucket as (TopEntry & { error?: number })[][]) {
          if (list.length >= DEFAULT_TOP_K && bucket.windows.length > 1) approximate = true;
          for (const entry of list) {
            if (entry.error !== undefined) approximate = true;
            totals.set(entry.key, (totals.get(entry.key) ?? 0) + entry.count);
            sum += entry.count;
          }
        }
        return [bucket.startMs, sum];
      }
      default:
        return [bucket.startMs, null];
    }
  });
  const top = [...totals].map(([key, count]) => ({ key, count })).sort(byCountThenKey).slice(0, DEFAULT_TOP_K);
  return { kind, points, top, approximate, latest };
}
