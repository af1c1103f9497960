// `npm run bench -- detectors`: every registered detector and the two baselines, each run in a
// fresh child process, in rounds so a slow spell of the machine spreads over every candidate.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DETECTOR, DETECTORS, findDetector } from '@trailpulse/anomaly';
import { currentLoadAverage, machineInfo } from '../measure/machine-info';
import { CandidateFailedError } from '../measure/run-child';
import { findWorkspaceRoot, loadTsRunner } from '../measure/workspace';
import { AWS_CATEGORY, longestSeries, nabDataDir, readAwsSeries, totalPoints } from './bench-series';
import { type DetectorCandidate, type DetectorChildResult, candidateLabel } from './detector-protocol';
import { type DetectorsBenchOptions } from './detectors-args';
import { type DetectorsBenchResults, SNAPSHOT_TARGET_BYTES, UPDATE_TARGET_MICROSECONDS } from './detectors-results';
import { runDetectorChild } from './run-detector-child';
import { formatMicroseconds } from './format-detectors';
import { summariseCandidate, summariseDetector, toRun } from './summarise';

const CHILD_ENTRY = 'tools/bench/src/detectors/detector-child.ts';

export const METHOD_DESCRIPTION =
  'each run a fresh child process: the series loaded, one untimed warm-up pass over the first series, then whole timed passes over every series with a fresh detector per series (create() included), timed by the process CPU time (user + system) and by the wall clock';

/** The detectors to measure, in registry order: every registered one, or those named (each checked to exist). */
export function selectDetectors(requested: readonly string[]): string[] {
  if (requested.length === 0) return DETECTORS.map((detector) => detector.name);
  return requested.map((name) => findDetector(name).name);
}

interface CandidateRuns {
  readonly results: DetectorChildResult[];
  failure: string | undefined;
}

export async function runDetectorsBench(options: DetectorsBenchOptions, log: (line: string) => void): Promise<DetectorsBenchResults> {
  const workspaceRoot = findWorkspaceRoot(process.cwd());
  const machine = machineInfo();
  const names = selectDetectors(options.detectors);
  const nabDir = nabDataDir(options.dataDir, workspaceRoot, process.env);
  const series = await readAwsSeries(nabDir);
  const longest = longestSeries(series);
  log(`input: ${series.length} series, ${totalPoints(series).toLocaleString('en-US')} points (${nabDir})`);
  const runner = loadTsRunner(workspaceRoot);
  const candidates: DetectorCandidate[] = [{ kind: 'raw-loop' }, { kind: 'running-mean' }, ...names.map((name) => ({ kind: 'detector' as const, name }))];
  const runs = new Map<DetectorCandidate, CandidateRuns>(candidates.map((candidate) => [candidate, { results: [], failure: undefined }]));
  const scratchDir = mkdtempSync(path.join(os.tmpdir(), 'trailpulse-bench-detectors-'));
  try {
    for (let round = 1; round <= options.runs; round++) {
      for (const candidate of candidates) {
        const state = runs.get(candidate) as CandidateRuns;
        if (state.failure !== undefined) continue;
        const label = candidateLabel(candidate);
        try {
          // The bundle path is asked for before every spawn: the runner's cache is shared and may be cleared.
          const request = { candidate, nabDir, minMs: options.minSeconds * 1000, measureSnapshot: round === 1 };
          const result = await runDetectorChild(runner.bundle(CHILD_ENTRY), request, scratchDir, `run${round}`);
          state.results.push(result);
          const run = toRun(result);
          log(
            `  run ${round}/${options.runs} ${label.padEnd(24)} ${formatMicroseconds(run.microsecondsPerUpdate).padStart(8)} µs/update CPU, ${formatMicroseconds(run.wallMicrosecondsPerUpdate).padStart(8)} wall  (${run.passes} passes, ${(run.cpuMs / 1000).toFixed(2)} s CPU, ${(run.wallMs / 1000).toFixed(2)} s wall)`,
          );
        } catch (error) {
          if (!(error instanceof CandidateFailedError)) throw error;
          state.failure = error.message;
          log(`  ${label}: FAILED: ${error.message}`);
        }
      }
    }
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
  const outcomeOf = (candidate: DetectorCandidate) => {
    const state = runs.get(candidate) as CandidateRuns;
    return summariseCandidate(state.results, state.failure);
  };
  const [rawLoop, runningMean, ...detectorCandidates] = candidates as [DetectorCandidate, DetectorCandidate, ...DetectorCandidate[]];
  const runningMeanOutcome = outcomeOf(runningMean);
  return {
    machine,
    loadAverageAtEnd: currentLoadAverage(),
    input: { nabDir, category: AWS_CATEGORY, series: series.length, points: totalPoints(series), longestSeries: { file: longest.file, points: longest.values.length } },
    method: { runsPerCandidate: options.runs, minSecondsPerRun: options.minSeconds, description: METHOD_DESCRIPTION },
    targets: { microsecondsPerUpdate: UPDATE_TARGET_MICROSECONDS, snapshotBytes: SNAPSHOT_TARGET_BYTES },
    baselines: { rawLoop: outcomeOf(rawLoop), runningMean: runningMeanOutcome },
    detectors: detectorCandidates.map((candidate, i) => {
      const name = names[i] as string;
      return summariseDetector({
        name,
        isDefault: name === DEFAULT_DETECTOR,
        outcome: outcomeOf(candidate),
        runningMean: runningMeanOutcome,
        snapshotBytes: (runs.get(candidate) as CandidateRuns).results.find((result) => result.snapshotBytes !== undefined)?.snapshotBytes,
      });
    }),
  };
}
