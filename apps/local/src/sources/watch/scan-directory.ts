/**
 * One poll of a watched folder: every file below it (recursively, as CloudTrail's S3 layout nests
 * AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/) that event-schema's readers read in a
 * directory (.json, .jsonl, .ndjson, optionally .gz), with its size and modification time.
 */
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';

const READABLE_IN_DIRECTORIES = /\.(json|jsonl|ndjson)(\.gz)?$/i;

export interface FileState {
  readonly size: number;
  readonly mtimeMs: number;
}

/** Relative path (with `/` separators, stable across platforms) to state. A folder that cannot be read counts as empty. */
export async function scanDirectory(dir: string): Promise<Map<string, FileState>> {
  const found = new Map<string, FileState>();
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return found;
  }
  for (const name of names.sort()) {
    if (!READABLE_IN_DIRECTORIES.test(name)) continue;
    try {
      // stat follows links: a linked file is read as what it points to.
      const stats = await stat(path.join(dir, name));
      if (stats.isFile()) found.set(name.split(path.sep).join('/'), { size: stats.size, mtimeMs: stats.mtimeMs });
    } catch {
      // Gone between readdir and stat (a writer's rename): the next poll sees where it went.
    }
  }
  return found;
}

export function sameState(a: FileState | undefined, b: FileState | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
