/**
 * Issue #6: "kill -9 during a replay and start again with the same arguments: no window is lost and
 * none is double counted ... An integration test proves it with a real child process", and "restart
 * loses nothing". The runtime runs as `node apps/local/bin/trailpulse-local.cjs --replay ... --exit-when-done`
 * (its embedded dynalite dies with it), is stopped mid-replay after some batches are merged, and is
 * started again with the same arguments until it finishes; the stored windows must then equal
 * `trailpulse analyze` over the same file, i.e. one uninterrupted pass.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalyzeOutput } from './support/analyze-cli';
import { type ChildRuntime, spawnRuntime } from './support/child-runtime';
import { comparable } from './support/comparable-windows';
import { syntheticRecords, writeNdjson } from './support/synthetic-trail';
import { TempDirs } from './support/temp-dirs';
import { startTestRuntime, waitFor } from './support/test-runtime';

// 60 s of event time at 500 records per second: 60 replay batches of one second each, every batch
// touching 2 accounts x 2 regions (+ the aggregate) at 10 s, 60 s and 3600 s. Replayed at 3x, about
// 20 s: at full speed the runtime merges the whole trail in one or two store batches, too fast for a
// kill to land in the middle; paced, every run merges dozens of live groups (the all-accounts 10 s
// rows, every 250 ms) and a few bulk ones (every other row, every 3 s here: --bulk-interval), so the
// kills land between and inside both kinds, and the first one before any bulk merge (the restart
// then replays the batches the live rows hold into the bulk rows only).
const TRAIL = { records: 30_000, startMs: Date.parse('2024-03-01T10:00:00Z'), perSecond: 500 };
const WINDOWS = [10, 60, 3600] as const;
const temp = new TempDirs();
let input: string;
const reference = new Map<number, AnalyzeOutput>();
let expectedCalls: number;

beforeAll(async () => {
  input = writeNdjson(path.join(temp.make('crash-input'), 'trail.ndjson'), syntheticRecords(TRAIL));
  const outputs = await Promise.all(WINDOWS.map((windowSeconds) => analyze([input], { windowSeconds })));
  WINDOWS.forEach((windowSeconds, index) => reference.set(windowSeconds, outputs[index] as AnalyzeOutput));
  expectedCalls = (reference.get(3600)?.windows ?? []).reduce((sum, window) => sum + Number(window.metrics['totalCalls']), 0);
}, 120_000);
afterAll(() => temp.removeAll());

function replayArgs(dataDir: string): string[] {
  return ['--replay', input, '--speed', '3x', '--bulk-interval', '3s', '--no-demo', '--port', '0', '--data-dir', dataDir, '--exit-when-done'];
}

/** Waits until at least `share` of the trail's calls are merged, stops the child with `signal`; returns what was merged by then. */
async function stopMidReplay(child: ChildRuntime, share: number, signal: NodeJS.Signals): Promise<number> {
  // The live 10 s rows of the trail's 60 s (one request each; polling all time would page through years of 10 s windows).
  const trail = { fromMs: TRAIL.startMs, toMs: TRAIL.startMs + 120_000 };
  await waitFor(`${share * 100} % of the calls merged`, async () => (await child.api.totalCalls(10, trail)) >= share * expectedCalls, 120_000, 100);
  const merged = await child.api.totalCalls(10, trail);
  child.process.kill(signal);
  return merged;
}

/** The windows stored in `dataDir`, read back by a runtime started on it with no source at all. */
async function storedWindows(dataDir: string): Promise<Map<number, unknown>> {
  const reader = await startTestRuntime(temp, { dataDir });
  try {
    const out = new Map<number, unknown>();
    for (const windowSeconds of WINDOWS) out.set(windowSeconds, comparable(await reader.api.allWindows(windowSeconds)));
    return out;
  } finally {
    await reader.runtime.close();
  }
}

function referenceWindows(): Map<number, unknown> {
  return new Map(WINDOWS.map((windowSeconds) => [windowSeconds, comparable(reference.get(windowSeconds)?.windows ?? [])]));
}

describe('the local runtime as a child process, stopped during a replay and started again with the same arguments', () => {
  it('kill -9 at two different points, then a run to the end: every window equals one uninterrupted pass', async () => {
    // Prepare
    const dataDir = path.join(temp.make('crash-kill'), 'data');
    const mergedAtKill: number[] = [];
    // Act
    for (const share of [0.15, 0.55]) {
      const child = await spawnRuntime(replayArgs(dataDir));
      mergedAtKill.push(await stopMidReplay(child, share, 'SIGKILL'));
      expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    }
    const last = await spawnRuntime(replayArgs(dataDir));
    const exit = await last.exited;
    // Assess
    expect(exit).toEqual({ code: 0, signal: null });
    // Both kills landed mid-replay, at different points.
    expect(mergedAtKill[0]).toBeLessThan(mergedAtKill[1] as number);
    expect(mergedAtKill[1]).toBeLessThan(expectedCalls);
    expect(await storedWindows(dataDir)).toEqual(referenceWindows());
  }, 300_000);

  it('SIGTERM stops cleanly mid-replay; the next run finishes it, and one more restart changes nothing', async () => {
    // Prepare
    const dataDir = path.join(temp.make('crash-term'), 'data');
    const first = await spawnRuntime(replayArgs(dataDir));
    // Act
    const mergedAtStop = await stopMidReplay(first, 0.3, 'SIGTERM');
    const stopped = await first.exited;
    const second = await spawnRuntime(replayArgs(dataDir));
    const finished = await second.exited;
    const third = await spawnRuntime(replayArgs(dataDir));
    const again = await third.exited;
    // Assess
    expect(stopped).toEqual({ code: 0, signal: null });
    expect(first.stderr()).toContain('stopping...');
    expect(mergedAtStop).toBeLessThan(expectedCalls);
    expect(finished).toEqual({ code: 0, signal: null });
    expect(again).toEqual({ code: 0, signal: null });
    // The third run resumed at the end of the input: nothing left to read.
    expect(third.stderr()).toContain('done: 0 accepted, 0 rejected of 0 read');
    expect(await storedWindows(dataDir)).toEqual(referenceWindows());
  }, 300_000);
});

describe('the local runtime as a child process, killed right after answering HTTP ingest', () => {
  it('kill -9 after the last 202: the restart reads the journaled requests back, and every window equals one uninterrupted pass', async () => {
    // Prepare: the same trail as 15 NDJSON requests; the kill comes before the bulk rows (every 10 s) hold most of it
    const dataDir = path.join(temp.make('crash-ingest'), 'data');
    const lines = readFileSync(input, 'utf8').trimEnd().split('\n');
    const child = await spawnRuntime(['--no-demo', '--port', '0', '--data-dir', dataDir]);
    // Act
    let accepted = 0;
    for (let i = 0; i < lines.length; i += 2000) accepted += (await child.api.postEvents(`${lines.slice(i, i + 2000).join('\n')}\n`, 'application/x-ndjson')).accepted;
    child.process.kill('SIGKILL');
    const exit = await child.exited;
    const journalDir = path.join(dataDir, 'ingest-journal');
    const journaledBytes = readdirSync(journalDir).reduce((sum, name) => sum + statSync(path.join(journalDir, name)).size, 0);
    const recovering = await startTestRuntime(temp, { dataDir });
    try {
      const trail = { fromMs: TRAIL.startMs - 3_600_000, toMs: TRAIL.startMs + 3_600_000 };
      await waitFor('every call in the hour rows', async () => (await recovering.api.totalCalls(3600, trail)) >= expectedCalls, 60_000, 500);
    } finally {
      await recovering.runtime.close();
    }
    // Assess
    expect(accepted).toBe(TRAIL.records);
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(journaledBytes).toBeGreaterThan(readFileSync(input).byteLength);
    // A third start changes nothing: what the journal held is in every row and is not read again.
    expect(await storedWindows(dataDir)).toEqual(referenceWindows());
  }, 300_000);
});
