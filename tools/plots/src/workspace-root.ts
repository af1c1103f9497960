// The workspace root: where the default output folder and playwright-core are found.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PlotsUsageError } from './cli/plots-args';

/** The closest folder at or above `start` holding nx.json (npm runs scripts from the workspace root). */
export function findWorkspaceRoot(start: string): string {
  let dir = path.resolve(start);
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new PlotsUsageError(`no nx.json in ${start} or above: run the plots from the TrailPulse workspace`);
    dir = parent;
  }
  return dir;
}
