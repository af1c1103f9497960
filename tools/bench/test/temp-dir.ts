// A temporary folder per test file, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'trailpulse-bench-test-'));
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error('useTempDir() is only usable inside tests');
    return dir;
  };
}
