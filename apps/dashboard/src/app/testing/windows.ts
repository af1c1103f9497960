import { type MetricsWindow } from '@trailpulse/api-contract';

type Metrics = MetricsWindow['metrics'];

/**
 * A window of metrics.md for tests: whatever a test does not state is zero/empty, and the
 * category counts default to "all reads" so that they add up to totalCalls as the spec requires.
 */
export function makeWindow(startIso: string, windowSeconds: number, metrics: Partial<Metrics> = {}): MetricsWindow {
  const startMs = Date.parse(startIso);
  const totalCalls = metrics.totalCalls ?? 0;
  return {
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + windowSeconds * 1000).toISOString(),
    metrics: {
      totalCalls,
      callsByService: {},
      callsByCategory: { create: 0, modify: 0, delete: 0, read: totalCalls, other: 0 },
      topApiCalls: [],
      topUsers: [],
      topIps: [],
      maxCallsByIp: { key: '', count: 0 },
      ec2SuccessfulCalls: 0,
      anomalyScore: 0,
      ...metrics,
    },
  };
}
