// `npm run bench -- local`: the local runtime's HTTP ingest under a bounded load on loopback.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API_PATHS, INGEST_CONTENT_TYPES } from '@trailpulse/api-contract';
import { currentLoadAverage, describeMachine, machineInfo, type MachineInfo } from '../measure/machine-info';
import { processCpuSeconds, threadCoresBusy, threadCpuSeconds } from '../measure/process-cpu';
import { findWorkspaceRoot } from '../measure/workspace';
import { type ChildServer, startDrainServer, startLocalRuntime } from './child-servers';
import { type LocalBenchOptions } from './local-args';
import { closeLatencies, type SentPost } from './latency';
import { LiveWindows } from './live-windows';
import { buildLoadPlan, closingRecord, LIVE_WINDOW_SECONDS, type LoadPlan } from './payloads';
import { percentile } from './percentile';
import { drivePosts, type PostTarget } from './post-driver';

/** No progress in the store for this long: the run is stuck, report what was measured and stop. */
const STALL_TIMEOUT_MS = 120_000;
/**
 * How often the store is asked whether everything merged. Each probe reads and merges the hour's
 * rows (sketches of up to 10,000 keys) on the runtime's own thread, so probing every 50 ms cost the
 * runtime a few percent of its CPU; 200 ms bounds the error of the merged time at a tenth of a percent of a run.
 */
const MERGED_PROBE_MS = 200;
/** After everything merged, how long the last windows may take to be announced. */
const LAST_WINDOWS_TIMEOUT_MS = 30_000;

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return { p50: Math.round(percentile(values, 50)), p99: Math.round(percentile(values, 99)), max: Math.round(Math.max(...values)) };
}

export interface LocalBenchResults {
  readonly machine: MachineInfo;
  readonly loadAverageAfter: number;
  readonly options: LocalBenchOptions;
  readonly records: number;
  readonly apiCalls: number;
  readonly posts: number;
  readonly megabytes: number;
  readonly baseline: { readonly eventsPerSecond: number; readonly seconds: number };
  readonly runtime: {
    /** Records answered 202 per second, first POST to last answer. */
    readonly acceptedPerSecond: number;
    /** Records merged into the store per second, first POST to the store's totalCalls reaching every API call sent. */
    readonly mergedPerSecond: number;
    readonly mergedSeconds: number;
    /**
     * Records per second through the whole live path: first POST to the first WebSocket message of
     * the last 10 s window (every record is then merged into the live rows and its window closed).
     * Unlike `mergedPerSecond` it leaves out the bulk rows' last flush (up to 5 s after the load).
     */
    readonly liveMergedPerSecond: number;
    readonly retried429: number;
    /**
     * Per 10 s window: start of the first POST that let it close (a record past its end + the 2 s
     * lateness) to its first WebSocket message: what the live feed adds (api.md "when a window closes").
     */
    readonly closeLatencyMs: Percentiles;
    /**
     * Per POST: its start to the first WebSocket message of its last 10 s window. Includes waiting,
     * in event time, for that window to end; at max rate also the backlog.
     */
    readonly latencyMs: Percentiles;
    readonly windowsAnnounced: number;
    readonly windowsExpected: number;
    readonly anomalies: number;
    /**
     * CPU seconds the runtime's process (all its threads) used from the first POST to the last
     * window announced, per 1,000 records (Linux only, else undefined): the work per record, which
     * the wall-clock rates above mix with whatever else the machine's cores were doing.
     */
    readonly cpuMsPerThousandRecords: number | undefined;
    /** Those CPU seconds over the same wall-clock time: how many cores the runtime kept busy. */
    readonly coresBusy: number | undefined;
    /**
     * The same per thread (Linux only): the main thread (HTTP, scanning, aggregation, the closer)
     * and the three busiest others (store workers, garbage collector helpers; Node names them all
     * "node", so not which is which). A main thread near 1 core is the ingest limit.
     */
    readonly threadCores: { readonly main: number; readonly busiestOthers: readonly number[] } | undefined;
    /**
     * CPU per 1,000 records from the first POST until every row holds every call: all the work, the
     * bulk rows' merges after the last window included (and the bench's own store probes meanwhile,
     * one query of the hour rows every probe interval). The live figures above leave out the bulk
     * work still queued when the last window is announced; at a sustained rate it has to keep up too.
     */
    readonly allRowsCpuMsPerThousandRecords: number | undefined;
  };
  /** baseline / runtime merged rate: how many times the bare loopback POST rate exceeds the runtime's. */
  readonly costRatio: number;
}

/** Measures `options.runs` times over one load plan (each run: a fresh baseline server and runtime). */
export async function runLocalBench(options: LocalBenchOptions, log: (line: string) => void): Promise<LocalBenchResults[]> {
  const root = findWorkspaceRoot(process.cwd());
  const machine = machineInfo();
  log(`machine: ${describeMachine(machine)}`);
  const built = performance.now();
  const plan = buildLoadPlan(options.events, options.batch, options.eventRate);
  log(
    `load: ${plan.records.toLocaleString('en-US')} records (${plan.apiCalls.toLocaleString('en-US')} API calls, ${(plan.bytes / 2 ** 20).toFixed(0)} MB NDJSON) in ${plan.payloads.length} POSTs of ${options.batch}, ` +
      `${options.concurrency} in flight${options.postRate === undefined ? '' : `, paced at ${options.postRate.toLocaleString('en-US')} records/s`}; event time ${new Date(plan.firstEventMs).toISOString()} + ${((plan.lastEventMs - plan.firstEventMs) / 1000).toFixed(0)} s (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`,
  );
  const results: LocalBenchResults[] = [];
  for (let run = 1; run <= options.runs; run++) {
    if (options.runs > 1) log(`run ${run} of ${options.runs}`);
    const baseline = await measureBaseline(root, plan, options.concurrency);
    log(`baseline (drain-only node:http server): ${Math.round(baseline.eventsPerSecond).toLocaleString('en-US')} records/s`);
    const runtime = await measureRuntime(root, plan, options, log);
    results.push({
      machine,
      loadAverageAfter: currentLoadAverage(),
      options,
      records: plan.records,
      apiCalls: plan.apiCalls,
      posts: plan.payloads.length,
      megabytes: Number((plan.bytes / 2 ** 20).toFixed(1)),
      baseline,
      runtime,
      costRatio: Number((baseline.eventsPerSecond / runtime.mergedPerSecond).toFixed(1)),
    });
  }
  return results;
}

async function measureBaseline(root: string, plan: LoadPlan, concurrency: number): Promise<LocalBenchResults['baseline']> {
  const server = await startDrainServer(root);
  try {
    const target: PostTarget = { url: server.url, path: API_PATHS.events, headers: { 'Content-Type': INGEST_CONTENT_TYPES.ndjson } };
    const driven = await drivePosts(target, plan.payloads, concurrency);
    const seconds = (driven.lastAnswerMs - driven.firstStartMs) / 1000;
    return { eventsPerSecond: Math.round(plan.records / seconds), seconds: Number(seconds.toFixed(2)) };
  } finally {
    await server.stop();
  }
}

async function measureRuntime(root: string, plan: LoadPlan, options: LocalBenchOptions, log: (line: string) => void): Promise<LocalBenchResults['runtime']> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trailpulse-bench-local-'));
  const token = randomBytes(24).toString('base64url');
  let server: ChildServer | undefined;
  let live: LiveWindows | undefined;
  try {
    server = await startLocalRuntime(root, dataDir, token, options.profileDir, options.nodeFlags);
    live = await LiveWindows.connect(server.url, token);
    const target: PostTarget = { url: server.url, path: API_PATHS.events, headers: { Authorization: `Bearer ${token}`, 'Content-Type': INGEST_CONTENT_TYPES.ndjson } };
    log(`runtime: ${server.url}, data in ${dataDir}`);
    const cpuBefore = processCpuSeconds(server.child.pid);
    const threadsBefore = threadCpuSeconds(server.child.pid);
    const driven = await drivePosts(target, plan.payloads, options.concurrency, options.postRate);
    const acceptedPerSecond = plan.records / ((driven.lastAnswerMs - driven.firstStartMs) / 1000);
    log(`runtime: every POST answered 202 after ${((driven.lastAnswerMs - driven.firstStartMs) / 1000).toFixed(1)} s (${driven.retried} retried after 429); waiting for the store`);
    const closingEventMs = plan.lastEventMs + (LIVE_WINDOW_SECONDS + 3) * 1000;
    const closing = await drivePosts(target, [{ body: Buffer.from(closingRecord(plan.lastEventMs)), records: 1, windowStartsMs: [], maxEventMs: closingEventMs }], 1);
    const expected = new Set(plan.payloads.flatMap((payload) => payload.windowStartsMs));
    const seen = live;
    await waitUntil(() => [...expected].every((start) => seen.firstSeenMs.has(start)), LAST_WINDOWS_TIMEOUT_MS);
    const cpuAfter = processCpuSeconds(server.child.pid);
    const threadsAfter = threadCpuSeconds(server.child.pid);
    // Only now: the store probes read the hour's rows on the runtime's own thread, and the live
    // figures are not to pay for the benchmark's own measuring. The bulk rows merge later anyway.
    const mergedAtMs = await waitForMerged(server.url, token, plan, log);
    const mergedSeconds = (mergedAtMs - driven.firstStartMs) / 1000;
    const cpuAllRows = processCpuSeconds(server.child.pid);
    const latencies = plan.payloads.flatMap((payload, index) => {
      const last = payload.windowStartsMs[payload.windowStartsMs.length - 1];
      const seenAt = last === undefined ? undefined : seen.firstSeenMs.get(last);
      return seenAt === undefined ? [] : [seenAt - (driven.startedAtMs[index] as number)];
    });
    const sent: SentPost[] = [
      ...plan.payloads.map((payload, index) => ({ maxEventMs: payload.maxEventMs, startedAtMs: driven.startedAtMs[index] as number })),
      { maxEventMs: closingEventMs, startedAtMs: closing.firstStartMs },
    ];
    const lastAnnouncedMs = Math.max(...[...expected].map((start) => seen.firstSeenMs.get(start) ?? Number.NaN));
    const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    const busySeconds = (lastAnnouncedMs - driven.firstStartMs) / 1000;
    const threads = threadsBefore === undefined || threadsAfter === undefined ? undefined : threadCoresBusy(server.child.pid as number, threadsBefore, threadsAfter, busySeconds);
    return {
      acceptedPerSecond: Math.round(acceptedPerSecond),
      mergedPerSecond: Math.round(plan.records / mergedSeconds),
      mergedSeconds: Number(mergedSeconds.toFixed(2)),
      liveMergedPerSecond: Math.round(plan.records / ((lastAnnouncedMs - driven.firstStartMs) / 1000)),
      retried429: driven.retried,
      closeLatencyMs: percentiles(closeLatencies(sent, seen.firstSeenMs, LIVE_WINDOW_SECONDS * 1000)),
      latencyMs: percentiles(latencies),
      windowsAnnounced: [...expected].filter((start) => seen.firstSeenMs.has(start)).length,
      windowsExpected: expected.size,
      anomalies: seen.anomalies,
      cpuMsPerThousandRecords: cpuSeconds === undefined ? undefined : Number(((cpuSeconds * 1000 * 1000) / plan.records).toFixed(1)),
      coresBusy: cpuSeconds === undefined ? undefined : Number((cpuSeconds / busySeconds).toFixed(2)),
      threadCores: threads === undefined ? undefined : { main: threads.main, busiestOthers: threads.others.slice(0, 3) },
      allRowsCpuMsPerThousandRecords: cpuBefore === undefined || cpuAllRows === undefined ? undefined : Number((((cpuAllRows - cpuBefore) * 1000 * 1000) / plan.records).toFixed(1)),
    };
  } catch (error) {
    // A failed request may be the first sign of a runtime that died: give its exit a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (server !== undefined && (server.child.exitCode !== null || server.child.signalCode !== null)) {
      throw new Error(`the runtime exited (${String(server.child.exitCode ?? server.child.signalCode)}) during the run: ${server.stderr().slice(-2000)}`, { cause: error });
    }
    throw error;
  } finally {
    live?.close();
    const code = await server?.stop();
    if (code !== undefined && code !== 0) log(`runtime exited with ${String(code)}: ${server?.stderr().slice(-2000) ?? ''}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Polls the store's hourly totalCalls until it holds every API call sent (+ the closing one); performance.now() then. */
async function waitForMerged(url: string, token: string, plan: LoadPlan, log: (line: string) => void): Promise<number> {
  const hourMs = 3_600_000;
  const fromMs = Math.floor(plan.firstEventMs / hourMs) * hourMs;
  const toMs = Math.floor(plan.lastEventMs / hourMs) * hourMs + 2 * hourMs;
  const wanted = plan.apiCalls + 1;
  let last = -1;
  let lastChangeMs = performance.now();
  let lastLogMs = performance.now();
  let failedPolls = 0;
  for (;;) {
    let total: number;
    try {
      total = await storedCalls(url, token, fromMs, toMs);
    } catch (error) {
      // Seen under this load: the runtime resets a poll's connection now and then (ECONNRESET).
      // A probe failing is not the run failing; the count is reported.
      if (++failedPolls > 50) throw error;
      log(`  poll ${failedPolls} failed: ${error instanceof Error ? error.message : String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const now = performance.now();
    if (total >= wanted) return now;
    if (total !== last) {
      last = total;
      lastChangeMs = now;
    }
    if (now - lastLogMs > 10_000) {
      log(`  merged ${total.toLocaleString('en-US')} of ${wanted.toLocaleString('en-US')} calls`);
      lastLogMs = now;
    }
    if (now - lastChangeMs > STALL_TIMEOUT_MS) throw new Error(`the store stopped at ${total} of ${wanted} calls for ${STALL_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, MERGED_PROBE_MS));
  }
}

function storedCalls(url: string, token: string, fromMs: number, toMs: number): Promise<number> {
  const { hostname, port } = new URL(url);
  const query = new URLSearchParams({ window: '3600', from: String(fromMs), to: String(toMs) });
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: `${API_PATHS.metrics}?${query.toString()}`, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) return reject(new Error(`GET ${API_PATHS.metrics} answered ${res.statusCode}: ${text.slice(0, 300)}`));
        const body = JSON.parse(text) as { windows: { metrics: { totalCalls: number } }[] };
        resolve(body.windows.reduce((sum, window) => sum + window.metrics.totalCalls, 0));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
