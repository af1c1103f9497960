import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from './analyze';
import { requireChromium } from './chromium';
import { ensureDashboardBuilt } from './dashboard-build';
import { ARTIFACTS_DIR } from './paths';
import { writeReplayFixture } from './replay-fixture';
import { startRuntime, stopRuntime } from './runtime-process';
import { waitForReplay } from './wait-for-replay';
import { type FilterCase, STATE_ENV, type SuiteState } from './suite-state';

const MINUTE_MS = 60_000;

/** One filter per dimension, each picking a different slice of the replay. */
const FILTERS: readonly { name: FilterCase['name']; value: string; matches: (record: Record<string, unknown>) => boolean }[] = [
  { name: 'account', value: '309303190113', matches: (record) => record['recipientAccountId'] === '309303190113' },
  { name: 'region', value: 'me-northwest-3r', matches: (record) => record['awsRegion'] === 'me-northwest-3r' },
  { name: 'service', value: 'iam.amazonaws.com', matches: (record) => record['eventSource'] === 'iam.amazonaws.com' },
];

/**
 * Chromium present (else fail, saying how to install it), the dashboard built, the replay written
 * with recent times, the expected numbers from `trailpulse analyze`, and the runtime started and
 * caught up with the replay. The runtime child stays up for every spec; globalTeardown stops it.
 */
export default async function globalSetup(): Promise<void> {
  requireChromium();
  ensureDashboardBuilt();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const tmpDir = mkdtempSync(join(tmpdir(), 'trailpulse-dashboard-e2e-'));
  const nowMs = Date.now();
  const fixture = writeReplayFixture(join(tmpDir, 'replay'), nowMs);
  const expected = analyze({ paths: [fixture.dir] });
  const filters: FilterCase[] = FILTERS.map((filter) => ({ name: filter.name, value: filter.value, expected: analyze({ records: fixture.records.filter(filter.matches) }) }));

  const runtime = await startRuntime({ replayDir: fixture.dir, dataDir: join(tmpDir, 'data'), logFile: join(ARTIFACTS_DIR, 'runtime.log') });
  (globalThis as { trailpulseRuntime?: typeof runtime.child }).trailpulseRuntime = runtime.child;
  const replayRange = { fromMs: floorMinute(fixture.firstEventMs) - 10 * MINUTE_MS, toMs: floorMinute(fixture.lastEventMs) + 10 * MINUTE_MS };
  try {
    await waitForReplay(runtime, replayRange, expected.windows.reduce((sum, window) => sum + window.metrics.totalCalls, 0));
  } catch (error) {
    await stopRuntime(runtime.child);
    throw error;
  }
  const state: SuiteState = {
    runtime: { url: runtime.url, loginUrl: runtime.loginUrl, token: runtime.token, pid: runtime.child.pid ?? -1 },
    tmpDir,
    records: fixture.records,
    replayRange,
    liveRange: { fromMs: replayRange.fromMs, toMs: floorMinute(nowMs) + 30 * MINUTE_MS },
    expected,
    filters,
  };
  const statePath = join(tmpDir, 'state.json');
  writeFileSync(statePath, JSON.stringify(state));
  process.env[STATE_ENV] = statePath;
}

function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}
