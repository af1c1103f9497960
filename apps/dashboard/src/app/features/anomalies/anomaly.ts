import { type LiveAnomalyMessage, type MetricsWindow } from '@trailpulse/api-contract';

export interface Contributor {
  readonly kind: 'service' | 'API call' | 'principal' | 'source IP';
  readonly key: string;
  readonly count: number;
}

/** One anomalous window of one metric. */
export interface Anomaly {
  /** `<metric>@<window start ISO>`: stable, so acknowledgements survive reloads. */
  readonly id: string;
  readonly metric: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly score: number;
  /** The metric's value in the window, when known. */
  readonly value: number | null;
  /** What drove the window: its busiest services, API calls, principals and IPs. */
  readonly contributors: readonly Contributor[];
}

const PER_KIND = 3;

export function contributorsOf(window: MetricsWindow | undefined): Contributor[] {
  if (window === undefined) return [];
  const { metrics } = window;
  const services = Object.entries(metrics.callsByService)
    .sort(([, a], [, b]) => b - a)
    .slice(0, PER_KIND)
    .map(([key, count]) => ({ kind: 'service' as const, key, count }));
  const pick = (kind: Contributor['kind'], list: readonly { key: string; count: number }[]) => list.slice(0, PER_KIND).map((entry) => ({ kind, key: entry.key, count: entry.count }));
  return [...services, ...pick('API call', metrics.topApiCalls), ...pick('principal', metrics.topUsers), ...pick('source IP', metrics.topIps)];
}

/**
 * The anomalies of the view: windows whose `anomalyScore` (of totalCalls) reaches the threshold,
 * and every detector message from the live stream (custom metrics too), newest first.
 */
export function collectAnomalies(windows: readonly MetricsWindow[], messages: readonly LiveAnomalyMessage[], threshold: number): Anomaly[] {
  const byStart = new Map(windows.map((window) => [Date.parse(window.start), window]));
  const anomalies = new Map<string, Anomaly>();
  for (const window of windows) {
    if (window.metrics.anomalyScore < threshold) continue;
    const startMs = Date.parse(window.start);
    const id = `totalCalls@${window.start}`;
    anomalies.set(id, { id, metric: 'totalCalls', startMs, endMs: Date.parse(window.end), score: window.metrics.anomalyScore, value: window.metrics.totalCalls, contributors: contributorsOf(window) });
  }
  for (const message of messages) {
    const startMs = Date.parse(message.start);
    const id = `${message.metric}@${new Date(startMs).toISOString()}`;
    anomalies.set(id, { id, metric: message.metric, startMs, endMs: Date.parse(message.end), score: message.score, value: message.value, contributors: contributorsOf(byStart.get(startMs)) });
  }
  return [...anomalies.values()].sort((a, b) => b.startMs - a.startMs || (a.metric < b.metric ? -1 : 1));
}
