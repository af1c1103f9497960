import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createLocalDynamoClient, createMetricsStore, startLocalDynamo } from '../src';
import { asJson, engineWindows } from './engine-reference';
import { makeTempDir, testScheduler } from './local-store';
import { BASE_MS, trafficRecords } from './records';
import { REPLAY_RECORDS, REPLAY_SPAN_MS, REPLAY_START_MS } from './replay-child';

// The workspace's TypeScript runner, a file of the repository rather than a package (dynalite stays
// external there: its LevelDB binding loads from node_modules).
const RUNNER = path.join(__dirname, '..', '..', '..', 'tools', 'scripts', 'ts-runner.cjs');
const { bundle, workspaceRoot } = require(RUNNER) as { bundle(entry: string): string; workspaceRoot: string };

interface Run {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startReplay(script: string, args: string[]): Run {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, NODE_PATH: path.join(workspaceRoot, 'node_modules'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => lines.push(...text.split('\n').filter((line) => line !== '')));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) process.stderr.write(stderr);
      resolve({ code, signal });
    }),
  );
  return { child, lines, exit };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the replay child');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('crash safety (kill -9 during a replay, then the same replay again)', () => {
  it('loses no window and counts none twice: 10 s, rolled-up 60 s and 3600 s windows equal one engine pass', async () => {
    // Prepare
    const dataDir = await makeTempDir('metrics-store-crash-');
    const script = bundle(path.join(__dirname, 'replay-child.ts'));
    // Act 1: killed from outside (kill -9) some time into the replay
    const first = startReplay(script, [dataDir]);
    await until(() => first.lines.filter((line) => line.startsWith('batch ')).length >= 2, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    first.child.kill('SIGKILL');
    const firstExit = await first.exit;
    // Act 2: the same replay again, which kills itself just before a write in the middle of a batch
    const second = startReplay(script, [dataDir, '--die-before-put', '37']);
    const secondExit = await second.exit;
    // Act 3: the same replay again, to the end
    const third = startReplay(script, [dataDir]);
    const thirdExit = await third.exit;
    // Assess: every run but the last died by SIGKILL; each resumed past the previous one's checkpoint
    expect(firstExit.signal).toBe('SIGKILL');
    expect(secondExit.signal).toBe('SIGKILL');
    expect(thirdExit).toEqual({ code: 0, signal: null });
    expect(first.lines).not.toContain('done');
    expect(second.lines).not.toContain('done');
    const resumedAt = (run: Run): number => Number(run.lines[0]?.replace('resume ', ''));
    expect(resumedAt(second)).toBeGreaterThan(0);
    expect(resumedAt(third)).toBeGreaterThanOrEqual(resumedAt(second));
    expect(third.lines).toContain('done');
    const dynamo = await startLocalDynamo({ dataDir });
    const client = createLocalDynamoClient(dynamo.endpoint);
    try {
      const store = createMetricsStore({ client, tableName: 'replay', scheduler: testScheduler });
      const records = trafficRecords(REPLAY_RECORDS, { startMs: REPLAY_START_MS, spanMs: REPLAY_SPAN_MS });
      for (const windowSeconds of [10, 60, 3600]) {
        const result = await store.queryWindows({ windowSeconds, fromMs: BASE_MS, toMs: BASE_MS + 2 * 3_600_000, limit: 1000 });
        expect(result.problems).toEqual([]);
        expect(asJson(result.windows)).toEqual(asJson(engineWindows(records, windowSeconds)));
      }
    } finally {
      client.destroy();
      await dynamo.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(path.dirname(script), { recursive: true, force: true });
    }
  }, 300_000);
});
