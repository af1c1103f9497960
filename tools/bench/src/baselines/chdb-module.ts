// chDB is 550 MB, so it is never a dependency of the workspace: the bench installs it on demand
// into a cache folder outside the lockfile and loads it from there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const CHDB_VERSION = '3.4.0';

/** The part of chDB's API the baseline uses. */
export interface ChdbSession {
  query(sql: string, format?: string): string;
  cleanup(): void;
}

export interface ChdbModule {
  readonly Session: new () => ChdbSession;
}

/** chDB could not be installed or loaded; the bench skips it with this message. */
export class ChdbUnavailableError extends Error {
  override readonly name = 'ChdbUnavailableError';
}

export function chdbInstallDir(cacheDir: string): string {
  return path.join(cacheDir, 'chdb');
}

function installedVersion(installDir: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(path.join(installDir, 'node_modules', 'chdb', 'package.json'), 'utf8'));
    const version = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Installs chdb@CHDB_VERSION into `installDir` unless it is already there. */
export function ensureChdbInstalled(installDir: string, log: (line: string) => void): void {
  if (installedVersion(installDir) === CHDB_VERSION) return;
  log(`chdb: installing chdb@${CHDB_VERSION} (~550 MB) into ${installDir} ...`);
  mkdirSync(installDir, { recursive: true });
  // Its own package.json makes the folder a project of its own, so npm leaves the workspace lockfile alone.
  const manifest = path.join(installDir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ name: 'trailpulse-bench-chdb', private: true }, null, 2)}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', installDir, `chdb@${CHDB_VERSION}`, '--no-audit', '--no-fund'], { encoding: 'utf8' });
  if (result.error !== undefined) throw new ChdbUnavailableError(`cannot run npm to install chdb`, { cause: result.error });
  if (result.status !== 0 || installedVersion(installDir) !== CHDB_VERSION) {
    const lastLines = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-3).join(' | ');
    throw new ChdbUnavailableError(`npm install chdb@${CHDB_VERSION} failed (exit ${String(result.status)}): ${lastLines}`);
  }
}

/** Loads the chdb package installed in `installDir`. */
export function loadChdb(installDir: string): ChdbModule {
  let loaded: unknown;
  try {
    loaded = createRequire(path.join(installDir, 'package.json'))('chdb');
  } catch (cause) {
    throw new ChdbUnavailableError(`cannot load chdb from ${installDir}`, { cause });
  }
  const session = typeof loaded === 'object' && loaded !== null ? (loaded as { Session?: unknown }).Session : undefined;
  if (typeof session !== 'function') throw new ChdbUnavailableError(`the chdb package in ${installDir} has no Session class`);
  return loaded as ChdbModule;
}
