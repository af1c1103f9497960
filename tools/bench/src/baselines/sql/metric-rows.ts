// The rows both SQL baselines produce, and their assembly into windows of the engine's shape.
// SQL does the counting; this file only places the counts, so DuckDB and chDB share one
// definition of the output and differ only in their SQL dialect.
import { type ActivityCategory } from '@trailpulse/event-schema';
import { type BaselineWindow, type BuiltInMetrics, type WindowQuery } from '../baseline-window';

export interface WindowTotalsRow {
  readonly windowStartMs: number;
  readonly totalCalls: number;
  readonly ec2SuccessfulCalls: number;
}

export interface KeyedCountRow {
  readonly windowStartMs: number;
  readonly key: string;
  readonly count: number;
}

export interface MetricRows {
  readonly totals: readonly WindowTotalsRow[];
  readonly services: readonly KeyedCountRow[];
  readonly categories: readonly KeyedCountRow[];
  /**
   * Top-K candidates: every key whose count ranks within the top K of its window, ties at the
   * boundary included. SQL selects them by count only; the order among equal counts is settled
   * here (see sortTopEntries), because SQL collations do not compare strings the way the spec does.
   */
  readonly topApiCalls: readonly KeyedCountRow[];
  readonly topUsers: readonly KeyedCountRow[];
  readonly topIps: readonly KeyedCountRow[];
}

const CATEGORIES: readonly ActivityCategory[] = ['create', 'modify', 'delete', 'read', 'other'];

interface TopEntry {
  readonly key: string;
  readonly count: number;
}

/**
 * Count descending, then key ascending in JavaScript string order (UTF-16 code units), as
 * metrics.md specifies. SQL engines compare UTF-8 bytes (code points), which orders characters
 * above U+FFFF before U+E000-U+FFFF the other way round, so the final order is decided here.
 */
export function compareTopEntries(a: TopEntry, b: TopEntry): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.key === b.key) return 0;
  return a.key < b.key ? -1 : 1;
}

function groupByWindow(rows: readonly KeyedCountRow[]): Map<number, KeyedCountRow[]> {
  const groups = new Map<number, KeyedCountRow[]>();
  for (const row of rows) {
    const group = groups.get(row.windowStartMs);
    if (group === undefined) groups.set(row.windowStartMs, [row]);
    else group.push(row);
  }
  return groups;
}

function topEntries(rows: readonly KeyedCountRow[] | undefined, topK: number): TopEntry[] {
  return (rows ?? [])
    .map(({ key, count }) => ({ key, count }))
    .sort(compareTopEntries)
    .slice(0, topK);
}

/** Counts by key, keys in ascending order so two baselines serialize alike. */
function countsByKey(rows: readonly KeyedCountRow[] | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { key, count } of [...(rows ?? [])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) counts[key] = count;
  return counts;
}

function categoryCounts(rows: readonly KeyedCountRow[] | undefined): Record<ActivityCategory, number> {
  const counts: Record<ActivityCategory, number> = { create: 0, modify: 0, delete: 0, read: 0, other: 0 };
  for (const { key, count } of rows ?? []) {
    const category = CATEGORIES.find((candidate) => candidate === key);
    if (category === undefined) throw new RangeError(`SQL returned the unknown category "${key}"`);
    counts[category] += count;
  }
  return counts;
}

/** Windows with at least one API call, sorted by start, in the engine's output shape. */
export function assembleWindows(rows: MetricRows, query: WindowQuery): BaselineWindow[] {
  const services = groupByWindow(rows.services);
  const categories = groupByWindow(rows.categories);
  const apiCalls = groupByWindow(rows.topApiCalls);
  const users = groupByWindow(rows.topUsers);
  const ips = groupByWindow(rows.topIps);
  const windowMs = query.windowSeconds * 1000;
  return [...rows.totals]
    .filter((row) => row.totalCalls > 0)
    .sort((a, b) => a.windowStartMs - b.windowStartMs)
    .map((row) => {
      const topIps = topEntries(ips.get(row.windowStartMs), query.topK);
      const metrics: BuiltInMetrics = {
        totalCalls: row.totalCalls,
        callsByService: countsByKey(services.get(row.windowStartMs)),
        callsByCategory: categoryCounts(categories.get(row.windowStartMs)),
        topApiCalls: topEntries(apiCalls.get(row.windowStartMs), query.topK),
        topUsers: topEntries(users.get(row.windowStartMs), query.topK),
        topIps,
        // metrics.md: the IP with the most calls, ties to the smallest key, i.e. the first of the IP ranking.
        maxCallsByIp: topIps[0] ?? { key: '', count: 0 },
        ec2SuccessfulCalls: row.ec2SuccessfulCalls,
      };
      return {
        start: new Date(row.windowStartMs).toISOString(),
        end: new Date(row.windowStartMs + windowMs).toISOString(),
        metrics,
      };
    });
}
