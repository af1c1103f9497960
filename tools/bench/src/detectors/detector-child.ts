// Entry point of a detectors-bench child: loads the series and the candidate (not timed), warms
// the loop up on the first series, times whole passes, then (not timed) measures the snapshot.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { findDetector } from '@trailpulse/anomaly';
import { type BenchSeries, longestSeries, readAwsSeries } from './bench-series';
import { type DetectorCandidate, type DetectorChildResult, decodeDetectorRequest } from './detector-protocol';
import { RunningMeanBaseline } from './running-mean';
import { timeRawPasses, timeUpdatePasses, type UpdateTiming } from './time-updates';

/**
 * The process's CPU time in ms: on a shared machine, time given to other processes is not counted,
 * so the cost of an update does not depend on what else runs (V8's GC helper threads are counted).
 */
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Measured {
  readonly timing: UpdateTiming;
  readonly wallMs: number;
}

/** Bytes of the detector's state after the longest series, as a checkpoint would store it. */
function snapshotBytes(name: string, series: readonly BenchSeries[]): number {
  const detector = findDetector(name).factory().create();
  const { timestamps, values } = longestSeries(series);
  for (let i = 0; i < values.length; i++) detector.update(timestamps[i] as number, values[i] as number);
  return Buffer.byteLength(JSON.stringify(detector.snapshot()));
}

/** Times `passes` by CPU time (which also decides when enough work was done) and by the wall clock. */
function timed(passes: (now: () => number) => UpdateTiming): Measured {
  const started = performance.now();
  const timing = passes(cpuNow);
  return { timing, wallMs: performance.now() - started };
}

/**
 * One warm-up pass over the first series (so the timed loop runs optimized code, as a long-lived
 * Lambda or local runtime does), then the timed passes.
 */
function measure(candidate: DetectorCandidate, series: readonly BenchSeries[], minMs: number): Measured {
  const warmUp = series.slice(0, 1);
  if (candidate.kind === 'raw-loop') {
    timeRawPasses(warmUp, 0, cpuNow);
    return timed((now) => timeRawPasses(series, minMs, now));
  }
  let create: () => { update(timestampMs: number, value: number): number };
  if (candidate.kind === 'running-mean') {
    create = () => new RunningMeanBaseline();
  } else {
    // The factory is built once per run, like the engine's; create() runs per series, inside the timing.
    const factory = findDetector(candidate.name).factory();
    create = () => factory.create();
  }
  timeUpdatePasses(create, warmUp, 0, cpuNow);
  return timed((now) => timeUpdatePasses(create, series, minMs, now));
}

async function main(): Promise<void> {
  const request = decodeDetectorRequest(process.argv[2]);
  const series = await readAwsSeries(request.nabDir);
  const { timing, wallMs } = measure(request.candidate, series, request.minMs);
  const { candidate } = request;
  const result: DetectorChildResult = {
    updates: timing.updates,
    passes: timing.passes,
    cpuMs: timing.elapsedMs,
    wallMs,
    checksum: timing.checksum,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    ...(request.measureSnapshot && candidate.kind === 'detector' ? { snapshotBytes: snapshotBytes(candidate.name, series) } : {}),
  };
  writeFileSync(request.resultFile, JSON.stringify(result));
}

main().catch((error: unknown) => {
  // The parent shows the error lines as the reason the candidate failed.
  console.error(error instanceof Error ? `error: ${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error));
  process.exitCode = 1;
});
