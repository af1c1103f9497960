import { makeWindow } from '../../testing/windows';
import { bucketize, mergeTopLists } from './aggregate';
import { customSeries } from './custom-values';

const T0 = Date.parse('2024-01-01T00:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

describe('bucketize', () => {
  test('sums 60 s windows into 5 min buckets, zero where the API had no window, highest score and busiest IP per bucket', () => {
    const windows = [
      makeWindow(at(0), 60, { totalCalls: 3, callsByService: { 'ec2.amazonaws.com': 3 }, anomalyScore: 0.2, maxCallsByIp: { key: '10.0.0.2', count: 2 } }),
      makeWindow(at(60), 60, { totalCalls: 4, callsByService: { 'ec2.amazonaws.com': 1, 's3.amazonaws.com': 3 }, anomalyScore: 0.9, maxCallsByIp: { key: '10.0.0.1', count: 3 } }),
      makeWindow(at(600), 60, { totalCalls: 1, callsByService: { 's3.amazonaws.com': 1 } }),
    ];
    const buckets = bucketize(windows, 300, T0, T0 + 900_000);
    expect(buckets.map((bucket) => [bucket.totalCalls, bucket.callsByService, bucket.anomalyScore, bucket.maxCallsByIp.key])).toEqual([
      [7, { 'ec2.amazonaws.com': 4, 's3.amazonaws.com': 3 }, 0.9, '10.0.0.1'],
      [0, {}, null, ''],
      [1, { 's3.amazonaws.com': 1 }, 0, ''],
    ]);
  });
});

describe('mergeTopLists', () => {
  test('sums counts per key and sorts by count, then key', () => {
    const windows = [
      makeWindow(at(0), 60, { topIps: [{ key: 'b', count: 2 }, { key: 'a', count: 1 }] }),
      makeWindow(at(60), 60, { topIps: [{ key: 'a', count: 1 }, { key: 'c', count: 2 }] }),
    ];
    expect(mergeTopLists(windows, 'topIps')).toEqual({ entries: [{ key: 'a', count: 2 }, { key: 'b', count: 2 }, { key: 'c', count: 2 }], exact: true });
  });

  test('is not exact once a window list was full (keys beyond its top 10 were cut) or marked approximate', () => {
    const full = Array.from({ length: 10 }, (_, index) => ({ key: `k${index}`, count: 10 - index }));
    expect(mergeTopLists([makeWindow(at(0), 60, { topUsers: full }), makeWindow(at(60), 60)], 'topUsers').exact).toBe(false);
    expect(mergeTopLists([makeWindow(at(0), 60, { topUsers: full })], 'topUsers').exact).toBe(true);
    expect(mergeTopLists([makeWindow(at(0), 60, { topUsers: [{ key: 'x', count: 1, error: 1 }], approximate: ['topUsers'] })], 'topUsers').exact).toBe(false);
  });
});

describe('customSeries', () => {
  test('counts are summed per bucket', () => {
    const windows = [makeWindow(at(0), 60, { custom: { denied: 2 } }), makeWindow(at(60), 60, { custom: { denied: 3 } })];
    const series = customSeries(bucketize(windows, 300, T0, T0 + 300_000), 'denied');
    expect([series.kind, series.points]).toEqual(['count', [[T0, 5]]]);
  });

  test('distinct counts take the highest window (distinct values cannot be added up)', () => {
    const windows = [makeWindow(at(0), 60, { custom: { ips: { distinct: 4, approximate: false } } }), makeWindow(at(60), 60, { custom: { ips: { distinct: 6, approximate: true } } })];
    const series = customSeries(bucketize(windows, 300, T0, T0 + 300_000), 'ips');
    expect([series.kind, series.points, series.approximate]).toEqual(['distinct', [[T0, 6]], true]);
  });

  test('error rates divide the summed errors by the summed calls', () => {
    const windows = [makeWindow(at(0), 60, { custom: { rate: { calls: 10, errors: 1, topErrors: [] } } }), makeWindow(at(60), 60, { custom: { rate: { calls: 30, errors: 9, topErrors: [] } } })];
    expect(customSeries(bucketize(windows, 300, T0, T0 + 300_000), 'rate').points).toEqual([[T0, 0.25]]);
  });

  test('top-K lists are summed over the range', () => {
    const windows = [makeWindow(at(0), 60, { custom: { root: [{ key: 'iam:CreateUser', count: 1 }] } }), makeWindow(at(60), 60, { custom: { root: [{ key: 'iam:CreateUser', count: 2 }, { key: 'sts:GetCallerIdentity', count: 1 }] } })];
    const series = customSeries(bucketize(windows, 300, T0, T0 + 300_000), 'root');
    expect([series.kind, series.top]).toEqual(['top-k', [{ key: 'iam:CreateUser', count: 3 }, { key: 'sts:GetCallerIdentity', count: 1 }]]);
  });
});
