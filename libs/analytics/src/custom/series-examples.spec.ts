/**
 * The shipped series examples (access-denied-bursts.yaml, first-seen.yaml) through the engine over
 * the shared CloudTrail corpora, against brute force that shares nothing with the series code.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type CloudTrailLikeRecord, identityKey } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { analyzeBatches } from '../engine';
import { type BatchOutput } from '../output/metrics-output';
import { compileCustomMetric } from './compile';
import { type ErrorRateValue } from './error-rate-series';
import { type FirstSeenValue } from './first-seen-series';
import { parseCustomMetricDefinitions } from './parse-definitions';

const repoRoot = path.resolve(__dirname, '../../../..');
const examplesDir = path.join(repoRoot, 'examples', 'custom-metrics');
const sharedDataDir = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(repoRoot, '..', 'shared', 'data');
const corporaDir = path.join(sharedDataDir, 'cloudtrail');
const WINDOW_MS = 60_000;

const definitions = ['access-denied-bursts.yaml', 'first-seen.yaml'].flatMap((name) =>
  parseCustomMetricDefinitions(readFileSync(path.join(examplesDir, name), 'utf8'), name),
);

interface Entry {
  readonly record: CloudTrailLikeRecord;
  readonly windowStart: number;
}

const isApiCall = (record: CloudTrailLikeRecord) => record['eventType'] == null || record['eventType'] === 'AwsApiCall';
const text = (value: unknown, absent: string) => (typeof value === 'string' && value !== '' ? value : absent);
const isDenied = (record: CloudTrailLikeRecord) =>
  typeof record['errorCode'] === 'string' && /AccessDenied|UnauthorizedOperation/.test(record['errorCode']);
function network(ip: string): string {
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255) ? `${Number(octets[1])}.${Number(octets[2])}.${Number(octets[3])}.0/24` : ip;
}

/** The tuple each first-seen example keys on, re-stated. */
const TUPLES: Readonly<Record<string, (record: CloudTrailLikeRecord) => string[]>> = {
  'new-principal-api': (r) => [identityKey(r), `${r.eventSource}:${r.eventName}`],
  'new-principal-network': (r) => [identityKey(r), network(text(r['sourceIPAddress'], 'unknown'))],
  'new-principal-region': (r) => [identityKey(r), text(r['awsRegion'], 'unknown')],
};

describe('shipped series examples over the shared corpora', () => {
  jest.setTimeout(60_000);
  let output: BatchOutput;
  const entries: Entry[] = [];

  beforeAll(async () => {
    output = await analyzeBatches(readPaths([corporaDir]), { windowSeconds: 60, customMetrics: definitions.map((d) => compileCustomMetric(d)) });
    for await (const batch of readPaths([corporaDir])) {
      for (const { record, eventTimeMs } of batch.accepted) entries.push({ record, windowStart: Math.floor(eventTimeMs / WINDOW_MS) * WINDOW_MS });
    }
  });

  const valuesOf = <Value>(id: string) => output.windows.map((w) => ({ start: Date.parse(w.start), value: w.metrics.custom?.[id] as Value }));

  it('access-denied-bursts flags the principals of the Stratus Red Team AccessDenied bursts, in their window, with exact counts', () => {
    // Brute force: per window and principal, API calls and refusals.
    const counts = new Map<string, { calls: number; denied: number }>();
    for (const { record, windowStart } of entries) {
      if (!isApiCall(record)) continue;
      const key = `${windowStart} ${identityKey(record)}`;
      const count = counts.get(key) ?? { calls: 0, denied: 0 };
      count.calls++;
      if (isDenied(record)) count.denied++;
      counts.set(key, count);
    }
    const bursts = [...counts].filter(([, c]) => c.denied >= 10 && c.denied / c.calls >= 0.5).map(([key]) => key);
    const spikes = valuesOf<ErrorRateValue>('access-denied-bursts').flatMap(({ start, value }) => value.spikes.map((spike) => ({ at: `${start} ${spike.key}`, spike })));
    // Assess: both detonations (ec2-get-password-data, ec2-download-user-data) burst, and are flagged...
    expect(bursts.some((key) => key.includes('ec2-get-password-data'))).toBe(true);
    expect(bursts.some((key) => key.includes('get-usr-data'))).toBe(true);
    expect(spikes.map((s) => s.at)).toEqual(expect.arrayContaining(bursts));
    // ...with the brute-force counts, and nothing is flagged on fewer than 3 refusals.
    for (const { at, spike } of spikes) {
      expect({ calls: spike.calls, errors: spike.errors }).toEqual({ calls: counts.get(at)?.calls, errors: counts.get(at)?.denied });
      expect(spike.errors).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(Object.keys(TUPLES))('%s equals a brute-force first-seen over the windows in time order (1 h warm-up)', (id) => {
    // Brute force: every window any record opened, in order; the first hour of the series only learns.
    const tuple = TUPLES[id] as (record: CloudTrailLikeRecord) => string[];
    const starts = [...new Set(entries.map((e) => e.windowStart))].sort((a, b) => a - b);
    const seriesStart = starts[0] as number;
    const seen = new Set<string>();
    const expected = new Map<number, { count: number; keys: string[][] }>();
    for (const start of starts) {
      const keys = new Set(entries.filter((e) => e.windowStart === start && isApiCall(e.record)).map((e) => JSON.stringify(tuple(e.record))));
      const fresh = [...keys].filter((key) => !seen.has(key));
      for (const key of keys) seen.add(key);
      const learning = start < seriesStart + 3_600_000;
      const sorted = fresh.map((key) => JSON.parse(key) as string[]).sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0));
      expected.set(start, learning ? { count: 0, keys: [] } : { count: fresh.length, keys: sorted.slice(0, 20) });
    }
    // Assess
    const actual = valuesOf<FirstSeenValue>(id);
    expect(actual.map(({ start, value }) => ({ start, count: value.count, keys: value.keys }))).toEqual(
      actual.map(({ start }) => ({ start, ...expected.get(start) })),
    );
    expect(actual.reduce((sum, { value }) => sum + value.count, 0)).toBeGreaterThan(100);
  });
});
