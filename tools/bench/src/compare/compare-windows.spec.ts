import { type BaselineWindow } from '../baselines/baseline-window';
import { compareWindows, firstDifference } from './compare-windows';

function window(start: string, totalCalls: number, extra: Record<string, unknown> = {}): BaselineWindow {
  return {
    start,
    end: start.replace(':00.000Z', ':10.000Z'),
    metrics: {
      totalCalls,
      callsByService: { 'ec2.amazonaws.com': totalCalls },
      callsByCategory: { create: 0, modify: 0, delete: 0, read: totalCalls, other: 0 },
      topApiCalls: [{ key: 'ec2.amazonaws.com:DescribeInstances', count: totalCalls }],
      topUsers: [{ key: 'unknown', count: totalCalls }],
      topIps: [{ key: '198.51.100.1', count: totalCalls }],
      maxCallsByIp: { key: '198.51.100.1', count: totalCalls },
      ec2SuccessfulCalls: totalCalls,
      ...extra,
    },
  };
}

describe('firstDifference', () => {
  it('ignores object key order', () => {
    expect(firstDifference({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBeUndefined();
  });

  it('names the path of the first difference', () => {
    expect(firstDifference({ a: [{ key: 'x', count: 1 }] }, { a: [{ key: 'x', count: 2 }] })).toBe('.a[0].count: 1 vs 2');
    expect(firstDifference([1, 2], [1])).toBe(': length 2 vs 1 (first extra 2)');
    expect(firstDifference({ a: 1 }, {})).toBe('.a: 1 vs undefined');
  });
});

describe('compareWindows', () => {
  it('agrees on equal built-in metrics and ignores the engine-only ones', () => {
    const engineWindow = window('2024-01-01T00:00:00.000Z', 3, { anomalyScore: 0.7, approximate: [] });
    expect(compareWindows([window('2024-01-01T00:00:00.000Z', 3)], [engineWindow])).toEqual({ agree: true, windows: 1 });
  });

  it('reports the first differing metric with its window', () => {
    const result = compareWindows([window('2024-01-01T00:00:00.000Z', 3)], [window('2024-01-01T00:00:00.000Z', 4)]);
    expect(result).toEqual({ agree: false, difference: 'windows[0] (2024-01-01T00:00:00.000Z).metrics.callsByCategory.read: 3 vs 4' });
  });

  it('reports a missing window', () => {
    const result = compareWindows([window('2024-01-01T00:00:00.000Z', 3), window('2024-01-01T00:01:00.000Z', 1)], [window('2024-01-01T00:00:00.000Z', 3)]);
    expect(result.agree).toBe(false);
    expect(result).toMatchObject({ difference: expect.stringContaining('2 vs 1 windows') });
  });
});
