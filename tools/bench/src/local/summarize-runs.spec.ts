import { type LocalBenchResults } from './run-local-bench';
import { summarizeRuns } from './summarize-runs';

/** A run with the measures the summary reads (the rest does not matter to it). */
function run(live: number, cpu: number | undefined, p99: number): LocalBenchResults {
  return {
    baseline: { eventsPerSecond: 10 * live, seconds: 1 },
    runtime: {
      liveMergedPerSecond: live,
      acceptedPerSecond: live + 1,
      mergedPerSecond: live - 1,
      cpuMsPerThousandRecords: cpu,
      allRowsCpuMsPerThousandRecords: cpu === undefined ? undefined : cpu + 10,
      threadCores: cpu === undefined ? undefined : { main: cpu / 40, busiestOthers: [0.5] },
      closeLatencyMs: { p50: p99 / 2, p99, max: p99 },
    },
  } as unknown as LocalBenchResults;
}

describe('summarizeRuns', () => {
  it('gives the median and range of each measure', () => {
    const summary = summarizeRuns([run(40_000, 40, 900), run(50_000, 30, 1_200), run(44_000, 36, 950)]);
    expect(summary.runs).toBe(3);
    expect(summary.liveMergedPerSecond).toEqual({ median: 44_000, min: 40_000, max: 50_000 });
    expect(summary.cpuMsPerThousandRecords).toEqual({ median: 36, min: 30, max: 40 });
    expect(summary.mainThreadCores).toEqual({ median: 0.9, min: 0.75, max: 1 });
    expect(summary.allRowsCpuMsPerThousandRecords).toEqual({ median: 46, min: 40, max: 50 });
    expect(summary.closeLatencyP99Ms).toEqual({ median: 950, min: 900, max: 1_200 });
    expect(summary.baselinePerSecond.median).toBe(440_000);
  });

  it('leaves the CPU out when a run could not read it, and refuses no runs', () => {
    expect(summarizeRuns([run(40_000, undefined, 900), run(50_000, 30, 1_000)]).cpuMsPerThousandRecords).toBeUndefined();
    expect(summarizeRuns([run(40_000, undefined, 900), run(50_000, 30, 1_000)]).mainThreadCores).toBeUndefined();
    expect(() => summarizeRuns([])).toThrow(RangeError);
  });
});
