import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_DIST, DASHBOARD_SOURCES, REPO_ROOT } from './paths';

/** Newest modification time under the given paths (files and folders, recursively). */
function newestMtimeMs(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stats = statSync(path);
    newest = Math.max(newest, stats.mtimeMs);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

/**
 * Builds the dashboard when dist/apps/dashboard/browser is missing or older than its sources.
 * Under `npm test` Nx has built it already (the test target depends on the dashboard's build);
 * this covers `npx jest -c apps/dashboard-e2e/jest.config.cjs` run by hand. The build is
 * cached by Nx, so an unchanged tree costs a cache restore.
 */
export function ensureDashboardBuilt(): void {
  const index = join(DASHBOARD_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtimeMs(DASHBOARD_SOURCES)) return;
  const result = spawnSync('npx', ['nx', 'run', '@trailpulse/dashboard:build', '--outputStyle=static'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 || !existsSync(index)) {
    throw new Error(`building the dashboard failed (npx nx run @trailpulse/dashboard:build, exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
}
