import { type ErrorRateSpike, type TopEntry } from '@trailpulse/analytics';

/**
 * A custom metric's window value, recognized by shape (the JSON carries no type tag; the shapes are
 * those of libs/analytics/src/custom/README.md). `anomalyScore` is set when the metric asked for one.
 */
export type CustomValue =
  | { readonly kind: 'count'; readonly count: number; readonly anomalyScore?: number }
  | { readonly kind: 'top'; readonly entries: readonly TopEntry[]; readonly anomalyScore?: number }
  | { readonly kind: 'distinct'; readonly distinct: number; readonly anomalyScore?: number }
  | {
      readonly kind: 'errorRate';
      readonly calls: number;
      readonly errors: number;
      readonly spikes: readonly ErrorRateSpike[];
      readonly anomalyScore?: number;
    }
  | { readonly kind: 'firstSeen'; readonly count: number; readonly keys: readonly (readonly string[])[]; readonly learning: boolean; readonly anomalyScore?: number }
  | { readonly kind: 'other'; readonly value: unknown };

type Fields = Readonly<Record<string, unknown>>;

export function readCustomValue(value: unknown): CustomValue {
  if (typeof value === 'number') return { kind: 'count', count: value };
  if (Array.isArray(value)) return { kind: 'top', entries: value as TopEntry[] };
  if (typeof value !== 'object' || value === null) return { kind: 'other', value };
  const fields = value as Fields;
  const score = typeof fields['anomalyScore'] === 'number' ? { anomalyScore: fields['anomalyScore'] } : {};
  if (Array.isArray(fields['spikes']) && typeof fields['errors'] === 'number' && typeof fields['calls'] === 'number') {
    return { kind: 'errorRate', calls: fields['calls'], errors: fields['errors'], spikes: fields['spikes'] as ErrorRateSpike[], ...score };
  }
  if (Array.isArray(fields['keys']) && typeof fields['count'] === 'number') {
    return { kind: 'firstSeen', count: fields['count'], keys: fields['keys'] as string[][], learning: fields['learning'] === true, ...score };
  }
  if (typeof fields['distinct'] === 'number') return { kind: 'distinct', distinct: fields['distinct'], ...score };
  if (Array.isArray(fields['top'])) return { kind: 'top', entries: fields['top'] as TopEntry[], ...score };
  if (typeof fields['count'] === 'number') return { kind: 'count', count: fields['count'], ...score };
  return { kind: 'other', value };
}

/** A first-seen tuple as one cell: its fields joined by " | " (CSV gets the unambiguous JSON instead). */
export function tupleText(tuple: readonly string[]): string {
  return tuple.join(' | ');
}
