import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const workspaceRoot = path.resolve(__dirname, '..', '..', '..');
const bin = path.join(workspaceRoot, 'apps', 'cli', 'bin', 'trailpulse.cjs');

/** Runs the real `trailpulse` executable as a user would, and captures what it printed. */
export function runBin(args: readonly string[], input?: string, timeoutMs = 60_000): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: workspaceRoot,
    input,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
