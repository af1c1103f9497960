// The median and range of each headline measure over several runs of the local bench.
import { median } from '../measure/median';
import { type LocalBenchResults } from './run-local-bench';

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface LocalBenchSummary {
  readonly runs: number;
  readonly liveMergedPerSecond: Spread;
  readonly acceptedPerSecond: Spread;
  readonly mergedPerSecond: Spread;
  /** Undefined when a run had no CPU reading (no /proc). */
  readonly cpuMsPerThousandRecords: Spread | undefined;
  /** The same until every row was merged (all the work); undefined as above. */
  readonly allRowsCpuMsPerThousandRecords: Spread | undefined;
  /** Cores the runtime's main thread kept busy; undefined as above. */
  readonly mainThreadCores: Spread | undefined;
  readonly closeLatencyP50Ms: Spread;
  readonly closeLatencyP99Ms: Spread;
  readonly baselinePerSecond: Spread;
}

function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** The spread of a measure some runs may lack (no /proc): undefined unless every run has it. */
function spreadOfAll(values: readonly (number | undefined)[]): Spread | undefined {
  return values.every((value): value is number => value !== undefined) ? spread(values) : undefined;
}

/** @throws RangeError for no runs. */
export function summarizeRuns(results: readonly LocalBenchResults[]): LocalBenchSummary {
  if (results.length === 0) throw new RangeError('no runs to summarize');
  return {
    runs: results.length,
    liveMergedPerSecond: spread(results.map((result) => result.runtime.liveMergedPerSecond)),
    acceptedPerSecond: spread(results.map((result) => result.runtime.acceptedPerSecond)),
    mergedPerSecond: spread(results.map((result) => result.runtime.mergedPerSecond)),
    cpuMsPerThousandRecords: spreadOfAll(results.map((result) => result.runtime.cpuMsPerThousandRecords)),
    allRowsCpuMsPerThousandRecords: spreadOfAll(results.map((result) => result.runtime.allRowsCpuMsPerThousandRecords)),
    mainThreadCores: spreadOfAll(results.map((result) => result.runtime.threadCores?.main)),
    closeLatencyP50Ms: spread(results.map((result) => result.runtime.closeLatencyMs.p50)),
    closeLatencyP99Ms: spread(results.map((result) => result.runtime.closeLatencyMs.p99)),
    baselinePerSecond: spread(results.map((result) => result.baseline.eventsPerSecond)),
  };
}
