import { type MetricsWindow } from '@trailpulse/api-contract';

/**
 * What each overview widget must show for a set of `trailpulse analyze` windows, computed here
 * from analyze's output with plain sums (never with the dashboard's code). The ranges the suite
 * uses have 60 s buckets, one per analyze window, so a bucket row is an analyze window.
 */

const en = { exact: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }), score: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) };
const minute = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A 60 s bucket's label as the dashboard writes it in en-US and UTC ("02:05 PM"), spaces normalized. */
export function minuteLabel(isoOrMs: string | number): string {
  const ms = typeof isoOrMs === 'number' ? isoOrMs : Date.parse(isoOrMs);
  return minute.format(ms).replace(/\s+/g, ' ');
}

export const exact = (value: number): string => en.exact.format(value);
export const score = (value: number): string => en.score.format(value);

export type Row = readonly string[];

function sum(windows: readonly MetricsWindow[], pick: (window: MetricsWindow) => number): number {
  return windows.reduce((total, window) => total + pick(window), 0);
}

export function totalCalls(windows: readonly MetricsWindow[]): number {
  return sum(windows, (window) => window.metrics.totalCalls);
}

/** Total API calls: time, calls, score, "yes" at or above the threshold; one row per minute with calls. */
export function totalCallsRows(windows: readonly MetricsWindow[], threshold: number): Row[] {
  return windows.map((window) => [
    minuteLabel(window.start),
    exact(window.metrics.totalCalls),
    score(window.metrics.anomalyScore),
    window.metrics.anomalyScore >= threshold ? 'yes' : '',
  ]);
}

/** Calls by service: (time, service, calls) for every service of every window. */
export function serviceRows(windows: readonly MetricsWindow[]): Row[] {
  return windows.flatMap((window) => Object.entries(window.metrics.callsByService).map(([service, calls]) => [minuteLabel(window.start), service, exact(calls)]));
}

export function servicesByCalls(windows: readonly MetricsWindow[]): { service: string; calls: number }[] {
  const totals = new Map<string, number>();
  for (const window of windows) for (const [service, calls] of Object.entries(window.metrics.callsByService)) totals.set(service, (totals.get(service) ?? 0) + calls);
  return [...totals].map(([service, calls]) => ({ service, calls })).sort((a, b) => b.calls - a.calls || compareKeys(a.service, b.service));
}

/** A top list over the range: each window's entries summed per key, count descending then key (metrics.md's order), the first 10. */
export function topListRows(windows: readonly MetricsWindow[], list: 'topApiCalls' | 'topUsers' | 'topIps'): Row[] {
  const totals = new Map<string, number>();
  for (const window of windows) for (const entry of window.metrics[list]) totals.set(entry.key, (totals.get(entry.key) ?? 0) + entry.count);
  return [...totals]
    .sort(([keyA, a], [keyB, b]) => b - a || compareKeys(keyA, keyB))
    .slice(0, 10)
    .map(([key, count], index) => [String(index + 1), key, exact(count)]);
}

/** Max calls by one IP: (time, IP, calls) for every window with a source IP. */
export function maxCallsByIpRows(windows: readonly MetricsWindow[]): Row[] {
  return windows.filter((window) => window.metrics.maxCallsByIp.count > 0).map((window) => [minuteLabel(window.start), window.metrics.maxCallsByIp.key, exact(window.metrics.maxCallsByIp.count)]);
}

export function ec2SuccessfulRows(windows: readonly MetricsWindow[]): Row[] {
  return windows.filter((window) => window.metrics.ec2SuccessfulCalls > 0).map((window) => [minuteLabel(window.start), exact(window.metrics.ec2SuccessfulCalls)]);
}

const CATEGORIES = ['create', 'modify', 'delete', 'read', 'other'] as const;

export function categoryRows(windows: readonly MetricsWindow[]): Row[] {
  return windows.map((window) => [minuteLabel(window.start), ...CATEGORIES.map((category) => exact(window.metrics.callsByCategory[category]))]);
}

export function changeCount(windows: readonly MetricsWindow[]): number {
  return sum(windows, (window) => window.metrics.callsByCategory.create + window.metrics.callsByCategory.modify + window.metrics.callsByCategory.delete);
}

/** Heatmap: (service, time, calls) for the 15 busiest services, service by service. */
export function heatmapRows(windows: readonly MetricsWindow[]): Row[] {
  return servicesByCalls(windows)
    .slice(0, 15)
    .flatMap(({ service }) =>
      windows.filter((window) => (window.metrics.callsByService[service] ?? 0) > 0).map((window) => [service, minuteLabel(window.start), exact(window.metrics.callsByService[service] ?? 0)]),
    );
}

/** A top-K custom metric over the range: each window's list summed per key, the first 10. */
export function customTopRows(windows: readonly MetricsWindow[], id: string): Row[] {
  const totals = new Map<string, number>();
  for (const window of windows) {
    const value = window.metrics.custom?.[id];
    if (Array.isArray(value)) for (const entry of value as { key: string; count: number }[]) totals.set(entry.key, (totals.get(entry.key) ?? 0) + entry.count);
  }
  return [...totals]
    .sort(([keyA, a], [keyB, b]) => b - a || compareKeys(keyA, keyB))
    .slice(0, 10)
    .map(([key, count]) => [key, exact(count)]);
}

/** A count custom metric over the range. */
export function customCount(windows: readonly MetricsWindow[], id: string): number {
  return sum(windows, (window) => {
    const value = window.metrics.custom?.[id];
    return typeof value === 'number' ? value : 0;
  });
}

/** UTF-16 code unit order, as metrics.md sorts keys. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
