// Where the bench lives: the workspace root, its cache folder and the TypeScript runner.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The bench was started outside the TrailPulse workspace, or the workspace is incomplete. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
}

/** The closest folder at or above `start` holding nx.json (npm runs scripts from the workspace root). */
export function findWorkspaceRoot(start: string): string {
  let dir = path.resolve(start);
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new WorkspaceError(`no nx.json in ${start} or above: run the bench from the TrailPulse workspace`);
    dir = parent;
  }
  return dir;
}

/** Generated files, chDB and results live here: ignored by git, outside the lockfile, kept between runs. */
export function benchCacheDir(workspaceRoot: string): string {
  return path.join(workspaceRoot, 'node_modules', '.cache', 'trailpulse-bench');
}

/** tools/scripts/ts-runner.cjs: bundles a TypeScript entry point (workspace sources included) into one CJS file. */
export interface TsRunner {
  bundle(entry: string): string;
}

/** Loads a CommonJS file by absolute path (the runner, and the bundles it writes). */
export function requireFile(file: string): unknown {
  return createRequire(file)(file);
}

export function loadTsRunner(workspaceRoot: string): TsRunner {
  const runnerPath = path.join(workspaceRoot, 'tools', 'scripts', 'ts-runner.cjs');
  let runner: unknown;
  try {
    runner = requireFile(runnerPath);
  } catch (cause) {
    throw new WorkspaceError(`cannot load ${runnerPath}`, { cause });
  }
  const bundle = typeof runner === 'object' && runner !== null ? (runner as { bundle?: unknown }).bundle : undefined;
  if (typeof bundle !== 'function') throw new WorkspaceError(`${runnerPath} does not export bundle()`);
  return runner as TsRunner;
}
