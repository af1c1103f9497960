import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomToken } from './random-token';

export const TOKEN_ENV = 'TRAILPULSE_TOKEN';
export const TOKEN_FILE = 'token';
/** Shorter tokens can be guessed; generated ones have 43 characters (256 bits). */
export const MIN_TOKEN_LENGTH = 16;

export interface ApiTokenSource {
  readonly token: string;
  /** `env`: TRAILPULSE_TOKEN; `file`: reused from the data dir; `generated`: new, written to the data dir. */
  readonly origin: 'env' | 'file' | 'generated';
  /** The token file, when it came from or went to one. */
  readonly path?: string;
}

/** The API token cannot be loaded or stored; `cause` is the file system or validation error. */
export class ApiTokenError extends Error {
  override readonly name = 'ApiTokenError';
}

/**
 * The API token: TRAILPULSE_TOKEN when set, else `<dataDir>/token` when it exists (tightened to
 * 0600 if it was readable by others), else a new crypto-random token written there with mode 0600
 * (created exclusively, never over another file), so that a restart keeps the same token.
 */
export async function loadOrCreateApiToken(dataDir: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ApiTokenSource> {
  const fromEnv = env[TOKEN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { token: checked(fromEnv.trim(), TOKEN_ENV), origin: 'env' };
  }
  const path = join(dataDir, TOKEN_FILE);
  const stored = await readStored(path);
  if (stored !== undefined) return { token: stored, origin: 'file', path };
  const token = randomToken();
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new ApiTokenError(`cannot write the API token to ${path}: ${(error as Error).message}`, { cause: error });
  }
  return { token, origin: 'generated', path };
}

async function readStored(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ApiTokenError(`cannot read the API token from ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  return checked(text.trim(), path);
}

function checked(token: string, origin: string): string {
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new ApiTokenError(`the API token from ${origin} must be at least ${MIN_TOKEN_LENGTH} characters without spaces`, { cause: undefined });
  }
  return token;
}
