import { closeLatencies, steadyRate } from './latency';

describe('local bench latencies', () => {
  it('measures a window from the first POST that let it close (end + lateness) to its first message', () => {
    // Prepare: window [0, 10 s); POSTs reaching 9 s, 12 s (closes it with 2 s lateness) and 20 s
    const posts = [
      { maxEventMs: 9_000, startedAtMs: 100 },
      { maxEventMs: 12_000, startedAtMs: 250 },
      { maxEventMs: 20_000, startedAtMs: 400 },
    ];
    // Act
    const latencies = closeLatencies(posts, new Map([[0, 900]]), 10_000, 2_000);
    // Assess
    expect(latencies).toEqual([650]);
  });

  it('leaves out windows no POST could close', () => {
    expect(closeLatencies([{ maxEventMs: 11_999, startedAtMs: 0 }], new Map([[0, 500]]), 10_000, 2_000)).toEqual([]);
  });

  it('takes the steady rate between a quarter and three quarters merged', () => {
    // Prepare
    const samples = [
      { atMs: 0, calls: 0 },
      { atMs: 1_000, calls: 300 },
      { atMs: 2_000, calls: 500 },
      { atMs: 3_000, calls: 800 },
      { atMs: 9_000, calls: 1_000 },
    ];
    // Act + Assess: 300 -> 800 calls in 2 s
    expect(steadyRate(samples, 1_000)).toBe(250);
    expect(steadyRate([{ atMs: 0, calls: 1_000 }], 1_000)).toBeUndefined();
  });
});
