/**
 * The script file a scan worker runs. Worker threads need a JavaScript file, and this code is
 * TypeScript run from source: the repository's runner (tools/scripts/ts-runner.cjs) bundles the
 * worker entry with esbuild into a cached CommonJS file, rebuilt only when a source changed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const WORKER_ENTRY = 'libs/analytics/src/node/scan-worker.ts';
const RUNNER = 'tools/scripts/ts-runner.cjs';

/** The worker script could not be built (no repository around this file, or the runner failed). */
export class WorkerScriptError extends Error {
  override readonly name = 'WorkerScriptError';
}

interface TsRunner {
  bundle(entry: string): string;
}

/** The path of the bundled scan worker script. */
export function scanWorkerScript(): string {
  return workspaceScript(WORKER_ENTRY);
}

/**
 * The path of a bundled script for any TypeScript entry of the repository (relative to its root),
 * e.g. a worker thread's entry: the local runtime's store writer runs this way too.
 * @throws WorkerScriptError when there is no repository around this file or the bundle fails.
 */
export function workspaceScript(entry: string): string {
  const root = repositoryRoot(__dirname);
  const runner: unknown = createRequire(__filename)(path.join(root, RUNNER));
  if (!isTsRunner(runner)) throw new WorkerScriptError(`${RUNNER} does not export bundle()`);
  try {
    return runner.bundle(path.join(root, entry));
  } catch (error) {
    throw new WorkerScriptError(`cannot bundle ${entry}`, { cause: error });
  }
}

/**
 * The folder holding nx.json above `from`. Walking up works both from the sources (tests) and from
 * a bundle in node_modules/.cache, which is inside the repository too.
 */
export function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new WorkerScriptError(`no nx.json above ${from}: cannot find the repository to build the scan worker`);
  }
}

function isTsRunner(value: unknown): value is TsRunner {
  return typeof value === 'object' && value !== null && typeof (value as { bundle?: unknown }).bundle === 'function';
}
