// `npm run bench`: one input file, every candidate measured in fresh child processes, the
// engine's results checked against DuckDB's, and the size of a window's state under pressure.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BaselineWindow } from './baselines/baseline-window';
import { chdbInstallDir, ChdbUnavailableError, ensureChdbInstalled } from './baselines/chdb-module';
import { ensureTrailFile, type TrailFile } from './bench-file';
import { type BenchOptions, QUICK_RECORDS } from './cli/bench-args';
import { compareWindows } from './compare/compare-windows';
import { ENGINE_ANALYZE_ENTRY, ENGINE_NODE_ENTRY, engineMissingReason } from './engine/engine-module';
import { engineStateMissingReason } from './engine/engine-state';
import { GENERATOR_VERSION } from './generator';
import { type Candidate, type ChildRequest, type ChildResult } from './measure/child-protocol';
import { currentLoadAverage, describeMachine, machineInfo } from './measure/machine-info';
import { median } from './measure/median';
import { CandidateFailedError, runInChild } from './measure/run-child';
import { benchCacheDir, findWorkspaceRoot, loadTsRunner } from './measure/workspace';
import { CANDIDATE_LABELS } from './report/candidate-labels';
import { type AgreementResult, type BenchResults, type CandidateOutcome, type RatioResult, type RunMeasurement, type StateResult } from './report/bench-results';

const WINDOW_SECONDS = 60;
const TOP_K = 10;
/** The engine's target against the floor: at most 25% slower than parsing alone. */
const ENGINE_OVER_FLOOR_TARGET = 1.25;
const CHILD_ENTRY = 'tools/bench/src/measure/child-main.ts';

interface BenchEnvironment {
  readonly workspaceRoot: string;
  readonly cacheDir: string;
  /**
   * The child's bundle path, (re)built on demand: asked right before every spawn because the
   * runner's cache folder is shared with every other tool of the workspace and may be cleared.
   */
  readonly childBundle: () => string;
  readonly scratchDir: string;
  readonly log: (line: string) => void;
}

interface CandidatePlan {
  readonly candidate: Candidate;
  /** Why it will not run; undefined when it runs. */
  readonly skipReason: string | undefined;
}

function planCandidates(options: BenchOptions, env: BenchEnvironment): CandidatePlan[] {
  let chdbSkip: string | undefined = 'not enabled (pass --chdb or set TRAILPULSE_BENCH_CHDB=1)';
  if (options.chdb) {
    try {
      ensureChdbInstalled(chdbInstallDir(env.cacheDir), env.log);
      chdbSkip = undefined;
    } catch (error) {
      if (!(error instanceof ChdbUnavailableError)) throw error;
      chdbSkip = `could not be installed: ${error.message}`;
    }
  }
  return [
    { candidate: 'floor', skipReason: undefined },
    { candidate: 'duckdb', skipReason: undefined },
    { candidate: 'chdb', skipReason: chdbSkip },
    { candidate: 'engine', skipReason: engineMissingReason(env.workspaceRoot, ENGINE_ANALYZE_ENTRY) },
    { candidate: 'engine-node', skipReason: engineMissingReason(env.workspaceRoot, ENGINE_NODE_ENTRY) },
  ];
}

function childRequest(candidate: Candidate, file: string, env: BenchEnvironment, keepWindows: boolean): Omit<ChildRequest, 'resultFile'> {
  return {
    candidate,
    file,
    windowSeconds: WINDOW_SECONDS,
    topK: TOP_K,
    workspaceRoot: env.workspaceRoot,
    chdbDir: chdbInstallDir(env.cacheDir),
    keepWindows,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

interface Measurements {
  readonly runs: Map<Candidate, RunMeasurement[]>;
  readonly windows: Map<Candidate, readonly BaselineWindow[]>;
  readonly failures: Map<Candidate, string>;
}

/**
 * Runs the candidates in rounds (floor, DuckDB, chDB, engine, then again), so a slow spell of
 * the machine spreads over all candidates instead of hitting one candidate's every run.
 */
async function measureRounds(plans: readonly CandidatePlan[], trail: TrailFile, runs: number, env: BenchEnvironment): Promise<Measurements> {
  const measurements: Measurements = { runs: new Map(), windows: new Map(), failures: new Map() };
  for (let round = 1; round <= runs; round++) {
    for (const { candidate, skipReason } of plans) {
      if (skipReason !== undefined || measurements.failures.has(candidate)) continue;
      let result: ChildResult;
      try {
        result = await runInChild(env.childBundle(), childRequest(candidate, trail.file, env, round === 1), env.scratchDir, `run${round}`);
      } catch (error) {
        if (!(error instanceof CandidateFailedError)) throw error;
        measurements.failures.set(candidate, error.message);
        env.log(`  ${candidate}: FAILED: ${error.message}`);
        continue;
      }
      const list = measurements.runs.get(candidate) ?? [];
      list.push({ wallMs: result.wallMs, maxRssBytes: result.maxRssBytes });
      measurements.runs.set(candidate, list);
      if (result.windows !== undefined) measurements.windows.set(candidate, result.windows);
      env.log(`  run ${round}/${runs} ${candidate.padEnd(11)} ${seconds(result.wallMs).padStart(8)}  peak RSS ${Math.round(result.maxRssBytes / 1e6)} MB`);
    }
  }
  return measurements;
}

function outcomes(plans: readonly CandidatePlan[], measurements: Measurements, trail: TrailFile): CandidateOutcome[] {
  return plans.map(({ candidate, skipReason }): CandidateOutcome => {
    if (skipReason !== undefined) return { candidate, status: 'skipped', reason: skipReason };
    const failure = measurements.failures.get(candidate);
    const runs = measurements.runs.get(candidate) ?? [];
    if (failure !== undefined || runs.length === 0) return { candidate, status: 'failed', reason: failure ?? 'no run completed' };
    const medianWallMs = median(runs.map((run) => run.wallMs));
    return {
      candidate,
      status: 'measured',
      runs,
      medianWallMs,
      recordsPerSecond: trail.records / (medianWallMs / 1000),
      megabytesPerSecond: trail.bytes / 1e6 / (medianWallMs / 1000),
      peakRssBytes: median(runs.map((run) => run.maxRssBytes)),
    };
  });
}

const ENGINE_CANDIDATES = ['engine', 'engine-node'] as const;

function ratios(results: readonly CandidateOutcome[]): RatioResult[] {
  const wall = (candidate: Candidate): number | undefined => {
    const outcome = results.find((result) => result.candidate === candidate);
    return outcome?.status === 'measured' ? outcome.medianWallMs : undefined;
  };
  const floor = wall('floor');
  const duckdb = wall('duckdb');
  const chdb = wall('chdb');
  const list: RatioResult[] = [];
  for (const candidate of ENGINE_CANDIDATES) {
    const engine = wall(candidate);
    if (engine === undefined) continue;
    if (floor !== undefined) {
      const ratio = engine / floor;
      list.push({ name: `${CANDIDATE_LABELS[candidate]} / floor`, ratio, target: { text: `<= ${ENGINE_OVER_FLOOR_TARGET}x`, met: ratio <= ENGINE_OVER_FLOOR_TARGET } });
    }
    if (duckdb !== undefined) {
      const ratio = engine / duckdb;
      list.push({ name: `${CANDIDATE_LABELS[candidate]} / DuckDB`, ratio, target: { text: '< 1x, i.e. faster', met: ratio < 1 } });
    }
    if (chdb !== undefined) list.push({ name: `${CANDIDATE_LABELS[candidate]} / chDB`, ratio: engine / chdb });
  }
  return list;
}

function agreements(windows: ReadonlyMap<Candidate, readonly BaselineWindow[]>): AgreementResult[] {
  const reference = windows.get('duckdb');
  if (reference === undefined) return [];
  const checks: AgreementResult[] = [];
  for (const actual of [...ENGINE_CANDIDATES, 'chdb'] as const) {
    const got = windows.get(actual);
    if (got === undefined) continue;
    const agreement = compareWindows(reference, got);
    checks.push(
      agreement.agree
        ? { expected: 'duckdb', actual, agree: true, windows: agreement.windows }
        : { expected: 'duckdb', actual, agree: false, difference: agreement.difference },
    );
  }
  return checks;
}

/** One window holding `distinctIps` distinct source IPs: every call gets a new address until the pool is used up. */
async function measureState(options: BenchOptions, env: BenchEnvironment): Promise<StateResult> {
  if (!options.state) return { status: 'skipped', reason: 'not requested (--no-state)' };
  const missing = engineStateMissingReason(env.workspaceRoot);
  if (missing !== undefined) return { status: 'skipped', reason: missing };
  const distinctIps = options.quick ? QUICK_RECORDS : 1_000_000;
  env.log(`state test: one ${WINDOW_SECONDS} s window with ${distinctIps.toLocaleString('en-US')} distinct source IPs`);
  const trail = await ensureTrailFile(
    env.cacheDir,
    {
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      // 5% more records than addresses: ~2% are service events (no pool address), so the pool is used up.
      records: Math.ceil(distinctIps * 1.05),
      spanSeconds: WINDOW_SECONDS,
      distinctIps,
      hotIpShare: 0,
      serviceCallersUseHostNames: false,
    },
    env.log,
  );
  try {
    const result = await runInChild(env.childBundle(), childRequest('engine-state', trail.file, env, false), env.scratchDir, 'state');
    if (result.largestSnapshotBytes === undefined) return { status: 'failed', reason: 'the engine-state child reported no snapshot size' };
    return {
      status: 'measured',
      records: trail.records,
      distinctSourceIps: trail.distinctSourceIps,
      largestWindowSnapshotBytes: result.largestSnapshotBytes,
      wallMs: result.wallMs,
      maxRssBytes: result.maxRssBytes,
    };
  } catch (error) {
    if (!(error instanceof CandidateFailedError)) throw error;
    return { status: 'failed', reason: error.message };
  }
}

export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchResults> {
  const workspaceRoot = findWorkspaceRoot(process.cwd());
  const machine = machineInfo();
  log(`machine: ${describeMachine(machine)}`);
  const cacheDir = benchCacheDir(workspaceRoot);
  const trail = await ensureTrailFile(cacheDir, { records: options.records, ...(options.seed === undefined ? {} : { seed: options.seed }) }, log);
  log(`input: ${trail.file} (${trail.reused ? 'cached' : 'generated'}; ${trail.records.toLocaleString('en-US')} records, ${Math.round(trail.bytes / 1e6)} MB)`);
  const runner = loadTsRunner(workspaceRoot);
  const scratchDir = mkdtempSync(path.join(os.tmpdir(), 'trailpulse-bench-'));
  try {
    const env: BenchEnvironment = {
      workspaceRoot,
      cacheDir,
      childBundle: () => runner.bundle(CHILD_ENTRY),
      scratchDir,
      log,
    };
    const plans = planCandidates(options, env);
    for (const plan of plans) if (plan.skipReason !== undefined) log(`${plan.candidate}: ${plan.skipReason}`);
    const measurements = await measureRounds(plans, trail, options.runs, env);
    const candidates = outcomes(plans, measurements, trail);
    const loadAverageAtEnd = currentLoadAverage();
    return {
      machine,
      loadAverageAtEnd,
      input: {
        file: trail.file,
        records: trail.records,
        bytes: trail.bytes,
        sha256: trail.sha256,
        generatorVersion: GENERATOR_VERSION,
        seed: trail.options.seed,
        windowSeconds: WINDOW_SECONDS,
        topK: TOP_K,
      },
      runsPerCandidate: options.runs,
      candidates,
      ratios: ratios(candidates),
      agreement: agreements(measurements.windows),
      state: await measureState(options, env),
    };
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
