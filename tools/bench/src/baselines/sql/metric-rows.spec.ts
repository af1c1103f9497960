import { assembleWindows, compareTopEntries } from './metric-rows';

describe('compareTopEntries', () => {
  it('orders by count, then by UTF-16 code units (not UTF-8 bytes)', () => {
    const entries = [
      { key: '\uE000', count: 2 },
      { key: '\u{1F600}', count: 2 },
      { key: 'b', count: 5 },
      { key: 'a', count: 2 },
    ];
    expect([...entries].sort(compareTopEntries).map((entry) => entry.key)).toEqual(['b', 'a', '\u{1F600}', '\uE000']);
  });
});

describe('assembleWindows', () => {
  const start = Date.parse('2024-01-01T00:00:10Z');

  it('builds windows in start order with all five categories and the top IP as maxCallsByIp', () => {
    const windows = assembleWindows(
      {
        totals: [
          { windowStartMs: start + 10_000, totalCalls: 1, ec2SuccessfulCalls: 0 },
          { windowStartMs: start, totalCalls: 3, ec2SuccessfulCalls: 1 },
        ],
        services: [{ windowStartMs: start, key: 'sts.amazonaws.com', count: 3 }],
        categories: [{ windowStartMs: start, key: 'read', count: 3 }],
        topApiCalls: [],
        topUsers: [],
        topIps: [
          { windowStartMs: start, key: 'b', count: 2 },
          { windowStartMs: start, key: 'a', count: 2 },
          { windowStartMs: start, key: 'c', count: 1 },
        ],
      },
      { windowSeconds: 10, topK: 2 },
    );
    expect(windows.map((window) => window.start)).toEqual(['2024-01-01T00:00:10.000Z', '2024-01-01T00:00:20.000Z']);
    expect(windows[0]).toEqual({
      start: '2024-01-01T00:00:10.000Z',
      end: '2024-01-01T00:00:20.000Z',
      metrics: {
        totalCalls: 3,
        callsByService: { 'sts.amazonaws.com': 3 },
        callsByCategory: { create: 0, modify: 0, delete: 0, read: 3, other: 0 },
        topApiCalls: [],
        topUsers: [],
        topIps: [
          { key: 'a', count: 2 },
          { key: 'b', count: 2 },
        ],
        maxCallsByIp: { key: 'a', count: 2 },
        ec2SuccessfulCalls: 1,
      },
    });
  });

  it('refuses a category the spec does not have', () => {
    const rows = { totals: [{ windowStartMs: start, totalCalls: 1, ec2SuccessfulCalls: 0 }], services: [], topApiCalls: [], topUsers: [], topIps: [] };
    expect(() => assembleWindows({ ...rows, categories: [{ windowStartMs: start, key: 'list', count: 1 }] }, { windowSeconds: 10, topK: 1 })).toThrow(
      'unknown category "list"',
    );
  });
});
