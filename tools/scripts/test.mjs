#!/usr/bin/env node
// `npm test`: every check the project has, in one command, the same locally and in CI.
// Lint (module boundaries included), type checks and every Jest suite of every project, through
// Nx so unchanged projects come from the local cache. Extra arguments go to Nx, e.g.
// `npm test -- --skip-nx-cache`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
};
// Two cores: run two tasks at once; Jest inside each task uses its own workers.
const args = ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static', ...process.argv.slice(2)];
const result = spawnSync('npx', args, { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
