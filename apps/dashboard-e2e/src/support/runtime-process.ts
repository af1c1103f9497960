import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CUSTOM_METRICS_FILE, DASHBOARD_DIST, LOCAL_RUNTIME_BIN, REPO_ROOT } from './paths';

export class RuntimeStartError extends Error {
  override readonly name = 'RuntimeStartError';
}

export interface StartedRuntime {
  readonly child: ChildProcess;
  readonly url: string;
  /** The one-time sign-in link the runtime printed (works once). */
  readonly loginUrl: string;
  /** The API token, from the data dir (what `Authorization: Bearer` takes). */
  readonly token: string;
}

/** How long the runtime may take to print its startup line (esbuild bundles it on a cold cache). */
const START_TIMEOUT_MS = 90_000;

/**
 * Starts `trailpulse-local` (its bin, a child process: the e2e project never imports the
 * runtime's source) on a free port, replaying `replayDir` only, and waits for its `--json`
 * startup line. Its stderr goes to `logFile`.
 */
export async function startRuntime(options: { readonly replayDir: string; readonly dataDir: string; readonly logFile: string }): Promise<StartedRuntime> {
  const args = [
    LOCAL_RUNTIME_BIN,
    '--replay', options.replayDir,
    '--no-demo',
    '--port', '0',
    '--data-dir', options.dataDir,
    '--metrics', CUSTOM_METRICS_FILE,
    '--dashboard-dir', DASHBOARD_DIST,
    '--json',
  ];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['TRAILPULSE_TOKEN'];
  delete env['TRAILPULSE_PORT'];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile);
  child.stderr?.pipe(log);
  const startup = await new Promise<{ url: string; loginUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RuntimeStartError(`the local runtime printed no startup line within ${START_TIMEOUT_MS / 1000} s (log: ${options.logFile})`)), START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new RuntimeStartError(`the local runtime exited with ${String(code)} before it was ready (log: ${options.logFile})`));
    });
    if (child.stdout === null) throw new RuntimeStartError('the local runtime has no stdout pipe');
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const parsed = JSON.parse(line) as { url?: unknown; loginUrl?: unknown };
        if (typeof parsed.url !== 'string' || typeof parsed.loginUrl !== 'string') throw new Error('url or loginUrl missing');
        resolve({ url: parsed.url, loginUrl: parsed.loginUrl });
      } catch (cause) {
        reject(new RuntimeStartError(`the local runtime's startup line is not the --json one: ${line}`, { cause }));
      }
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const token = readFileSync(join(options.dataDir, 'token'), 'utf8').trim();
  return { child, ...startup, token };
}

/** SIGTERM (the runtime stops cleanly), SIGKILL if it is still there after 10 s. */
export async function stopRuntime(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
