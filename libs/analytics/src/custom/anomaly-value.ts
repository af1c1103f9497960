import { type TopEntry } from '../output/metrics-output';

/**
 * The number an anomaly detector follows for a per-window value: a count as it is, a distinct count's
 * `distinct`, a top list's sum of counts (the records under its k keys: for a per-principal list,
 * about all the metric's records, and it moves when one key bursts). Anything else: 0.
 */
export function scalarOfValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return (value as readonly TopEntry[]).reduce((sum, entry) => sum + entry.count, 0);
  if (typeof value === 'object' && value !== null && typeof (value as { distinct?: unknown }).distinct === 'number') {
    return (value as { distinct: number }).distinct;
  }
  return 0;
}

/**
 * A value with its anomaly score. Objects gain `anomalyScore`; a count becomes
 * `{ count, anomalyScore }` and a top list `{ top, anomalyScore }`, so the score always sits inside
 * the metric's value and a metric's shape depends only on its definition.
 */
export function withAnomalyScore(value: unknown, anomalyScore: number): Record<string, unknown> {
  if (typeof value === 'number') return { count: value, anomalyScore };
  if (Array.isArray(value)) return { top: value, anomalyScore };
  if (typeof value === 'object' && value !== null) return { ...(value as Record<string, unknown>), anomalyScore };
  return { value, anomalyScore };
}
