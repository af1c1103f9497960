import { closeLatencies } from './latency';

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
});
