// The per-window metrics computed the obvious way, record by record with Maps, straight from
// metrics.md and the event-schema helpers. The SQL baselines must match it exactly.
import { type ActivityCategory, classifyOperation, identityKey, isApiCall, isSuccessful } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { type BaselineWindow } from '../src/baselines/baseline-window';

interface WindowCounts {
  total: number;
  ec2Successful: number;
  services: Map<string, number>;
  categories: Record<ActivityCategory, number>;
  apiCalls: Map<string, number>;
  users: Map<string, number>;
  ips: Map<string, number>;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function top(counts: Map<string, number>, k: number): { key: string; count: number }[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, k);
}

function sortedObject(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export async function bruteForceWindows(file: string, windowSeconds: number, topK: number): Promise<BaselineWindow[]> {
  const windowMs = windowSeconds * 1000;
  const windows = new Map<number, WindowCounts>();
  for await (const batch of readPaths([file])) {
    for (const { record, eventTimeMs } of batch.accepted) {
      if (!isApiCall(record)) continue;
      const start = Math.floor(eventTimeMs / windowMs) * windowMs;
      let counts = windows.get(start);
      if (counts === undefined) {
        counts = {
          total: 0,
          ec2Successful: 0,
          services: new Map(),
          categories: { create: 0, modify: 0, delete: 0, read: 0, other: 0 },
          apiCalls: new Map(),
          users: new Map(),
          ips: new Map(),
        };
        windows.set(start, counts);
      }
      counts.total++;
      if (record.eventSource === 'ec2.amazonaws.com' && isSuccessful(record)) counts.ec2Successful++;
      bump(counts.services, record.eventSource);
      const readOnly = record['readOnly'];
      counts.categories[classifyOperation(record.eventSource, record.eventName, typeof readOnly === 'boolean' || typeof readOnly === 'string' ? readOnly : null)]++;
      bump(counts.apiCalls, `${record.eventSource}:${record.eventName}`);
      bump(counts.users, identityKey(record));
      const ip = record['sourceIPAddress'];
      bump(counts.ips, typeof ip === 'string' && ip !== '' ? ip : 'unknown');
    }
  }
  return [...windows]
    .sort(([a], [b]) => a - b)
    .map(([start, counts]) => {
      const topIps = top(counts.ips, topK);
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + windowMs).toISOString(),
        metrics: {
          totalCalls: counts.total,
          callsByService: sortedObject(counts.services),
          callsByCategory: counts.categories,
          topApiCalls: top(counts.apiCalls, topK),
          topUsers: top(counts.users, topK),
          topIps,
          maxCallsByIp: topIps[0] ?? { key: '', count: 0 },
          ec2SuccessfulCalls: counts.ec2Successful,
        },
      };
    });
}
