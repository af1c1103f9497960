/**
 * Expands the paths given to a reader into the list of sources to read, in order, before anything is read:
 * a path that does not exist fails here (the CLI turns that into exit code 2), and the total size is known
 * for progress bars. Directories are walked recursively and their files read in lexical order of their full
 * paths; there only .json, .jsonl and .ndjson files (optionally .gz) are read, the others are listed as
 * skipped. A file named explicitly is always read. `-` is standard input.
 */
import { constants as fsConstants, type Dirent } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { InputPathError } from './input-path-error';

export const STDIN_PATH = '-';

const READABLE_IN_DIRECTORIES = /\.(json|jsonl|ndjson)(\.gz)?$/i;

export type InputEntry =
  | { readonly kind: 'file'; readonly path: string; readonly sizeBytes: number }
  | { readonly kind: 'stdin'; readonly path: typeof STDIN_PATH }
  | { readonly kind: 'skip'; readonly path: string; readonly reason: 'unsupported-extension' | 'unreadable'; readonly message: string };

export interface ResolvedInputs {
  readonly entries: readonly InputEntry[];
  /** Total size of the files to read (standard input not included: its size is not known). */
  readonly totalBytes: number;
}

export async function resolveInputs(paths: readonly string[]): Promise<ResolvedInputs> {
  const entries: InputEntry[] = [];
  for (const inputPath of paths) {
    if (inputPath === STDIN_PATH) entries.push({ kind: 'stdin', path: STDIN_PATH });
    else entries.push(...(await resolvePath(inputPath)));
  }
  const totalBytes = entries.reduce((sum, entry) => sum + (entry.kind === 'file' ? entry.sizeBytes : 0), 0);
  return { entries, totalBytes };
}

async function resolvePath(inputPath: string): Promise<InputEntry[]> {
  let stats;
  try {
    stats = await stat(inputPath);
    await access(inputPath, fsConstants.R_OK);
  } catch (error) {
    const problem = errorCode(error) === 'ENOENT' ? 'does not exist' : `cannot be read (${errorCode(error) ?? String(error)})`;
    throw new InputPathError(inputPath, `input path ${inputPath} ${problem}`, { cause: error });
  }
  if (stats.isDirectory()) return walkDirectory(inputPath);
  return [{ kind: 'file', path: inputPath, sizeBytes: stats.size }];
}

/** All files under `root`, sorted by full path; a directory reached twice (a symlink loop) is walked once. */
async function walkDirectory(root: string): Promise<InputEntry[]> {
  const found: InputEntry[] = [];
  const visited = new Set<string>([await realpath(root)]);
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let children: Dirent[];
    try {
      children = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      found.push(unreadable(dir, error));
      continue;
    }
    for (const child of children) {
      const childPath = path.join(dir, child.name);
      try {
        // stat follows symlinks: a link is read as what it points to.
        const stats = await stat(childPath);
        if (stats.isDirectory()) {
          const real = await realpath(childPath);
          if (!visited.has(real)) {
            visited.add(real);
            pending.push(childPath);
          }
        } else if (!stats.isFile()) {
          found.push({ kind: 'skip', path: childPath, reason: 'unreadable', message: 'not a regular file' });
        } else if (!READABLE_IN_DIRECTORIES.test(child.name)) {
          found.push({ kind: 'skip', path: childPath, reason: 'unsupported-extension', message: 'not a .json, .jsonl or .ndjson file (optionally .gz)' });
        } else {
          found.push({ kind: 'file', path: childPath, sizeBytes: stats.size });
        }
      } catch (error) {
        found.push(unreadable(childPath, error));
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function unreadable(entryPath: string, error: unknown): InputEntry {
  return { kind: 'skip', path: entryPath, reason: 'unreadable', message: `cannot be read (${errorCode(error) ?? String(error)})` };
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
