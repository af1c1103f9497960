import { type MetricsWindow } from '@trailpulse/api-contract';

type Metrics = MetricsWindow['metrics'];
export type Category = keyof Metrics['callsByCategory'];
export const CATEGORIES: readonly Category[] = ['create', 'modify', 'delete', 'read', 'other'];

/** metrics.md's default K: a window's list shorter than this holds every key of the window. */
export const DEFAULT_TOP_K = 10;

/** The windows of one chart bucket, summed (the API returns windows with >= 1 call only, so a bucket without windows is a true zero). */
export interface Bucket {
  readonly startMs: number;
  readonly endMs: number;
  readonly totalCalls: number;
  readonly callsByService: Readonly<Record<string, number>>;
  readonly callsByCategory: Readonly<Record<Category, number>>;
  readonly ec2SuccessfulCalls: number;
  /** The highest window score in the bucket; null without windows. */
  readonly anomalyScore: number | null;
  /** The window with the most calls from one IP, and that IP. */
  readonly maxCallsByIp: { readonly key: string; readonly count: number };
  readonly windows: readonly MetricsWindow[];
}

/** Buckets of `bucketSeconds` covering [fromMs, toMs), every one present (zeros where no window fell). */
export function bucketize(windows: readonly MetricsWindow[], bucketSeconds: number, fromMs: number, toMs: number): Bucket[] {
  const bucketMs = bucketSeconds * 1000;
  const first = Math.floor(fromMs / bucketMs) * bucketMs;
  const groups = new Map<number, MetricsWindow[]>();
  for (const window of windows) {
    const start = Math.floor(Date.parse(window.start) / bucketMs) * bucketMs;
    const group = groups.get(start);
    if (group === undefined) groups.set(start, [window]);
    else group.push(window);
  }
  const buckets: Bucket[] = [];
  for (let start = first; start < toMs; start += bucketMs) buckets.push(sumBucket(start, start + bucketMs, groups.get(start) ?? []));
  return buckets;
}

function sumBucket(startMs: number, endMs: number, windows: readonly MetricsWindow[]): Bucket {
  const callsByService: Record<string, number> = {};
  const callsByCategory: Record<Category, number> = { create: 0, modify: 0, delete: 0, read: 0, other: 0 };
  let totalCalls = 0;
  let ec2SuccessfulCalls = 0;
  let anomalyScore: number | null = null;
  let maxCallsByIp = { key: '', count: 0 };
  for (const { metrics } of windows) {
    totalCalls += metrics.totalCalls;
    ec2SuccessfulCalls += metrics.ec2SuccessfulCalls;
    for (const [service, count] of Object.entries(metrics.callsByService)) callsByService[service] = (callsByService[service] ?? 0) + count;
    for (const category of CATEGORIES) callsByCategory[category] += metrics.callsByCategory[category];
    anomalyScore = Math.max(anomalyScore ?? 0, metrics.anomalyScore);
    const max = metrics.maxCallsByIp;
    if (max.count > maxCallsByIp.count || (max.count === maxCallsByIp.count && max.count > 0 && max.key < maxCallsByIp.key)) maxCallsByIp = max;
  }
  return { startMs, endMs, totalCalls, callsByService, callsByCategory, ec2SuccessfulCalls, anomalyScore, maxCallsByIp, windows };
}

export type TopListName = 'topApiCalls' | 'topUsers' | 'topIps';

export interface MergedTopList {
  readonly entries: readonly { readonly key: string; readonly count: number }[];
  /**
   * False when a count may be too low: a window's list was full (K entries, so keys beyond it
   * were cut), or the API marked the list approximate.
   */
  readonly exact: boolean;
}

/** The top `k` of a top-K list over several windows: each window's counts summed per key, sorted as metrics.md sorts. */
export function mergeTopLists(windows: readonly MetricsWindow[], list: TopListName, k = DEFAULT_TOP_K): MergedTopList {
  const totals = new Map<string, number>();
  let exact = true;
  for (const { metrics } of windows) {
    const entries = metrics[list];
    if ((windows.length > 1 && entries.length >= DEFAULT_TOP_K) || metrics.approximate?.includes(list) === true) exact = false;
    for (const entry of entries) totals.set(entry.key, (totals.get(entry.key) ?? 0) + entry.count);
  }
  const entries = [...totals].map(([key, count]) => ({ key, count })).sort(byCountThenKey);
  return { entries: entries.slice(0, k), exact };
}

/** metrics.md order: count descending, then key ascending in UTF-16 code units. */
export function byCountThenKey(a: { key: string; count: number }, b: { key: string; count: number }): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Services by calls over all buckets, most first. */
export function servicesByCalls(buckets: readonly Bucket[]): { service: string; calls: number }[] {
  const totals = new Map<string, number>();
  for (const bucket of buckets) for (const [service, count] of Object.entries(bucket.callsByService)) totals.set(service, (totals.get(service) ?? 0) + count);
  return [...totals].map(([service, calls]) => ({ service, calls })).sort((a, b) => byCountThenKey({ key: a.service, count: a.calls }, { key: b.service, count: b.calls }));
}
