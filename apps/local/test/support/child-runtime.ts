import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { ApiClient } from './api-client';
import { LOCAL_RUNTIME_BIN, WORKSPACE_ROOT } from './workspace';

/** An API token the tests hand the child (TRAILPULSE_TOKEN), so they can call it without reading its data dir. */
export const CHILD_TOKEN = 'integration-test-token-0123456789abcdef';

export interface ChildRuntime {
  readonly process: ChildProcess;
  readonly api: ApiClient;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/**
 * `node apps/local/bin/trailpulse-local.cjs <args> --json` as a real child process: resolves once it
 * printed its startup line (the API listens then).
 */
export async function spawnRuntime(args: readonly string[]): Promise<ChildRuntime> {
  const child = spawn(process.execPath, [LOCAL_RUNTIME_BIN, ...args, '--json'], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, TRAILPULSE_TOKEN: CHILD_TOKEN, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  const startup = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    void exited.then(({ code, signal }) => reject(new Error(`the runtime exited (${code ?? signal}) before it started: ${stderr}`)));
  });
  const { url } = JSON.parse(await startup) as { url: string };
  return { process: child, api: new ApiClient(url, CHILD_TOKEN), exited, stderr: () => stderr };
}
