#!/usr/bin/env node
// `npm test`: every check the project has, in one command, the same locally and in CI.
// Lint (module boundaries included), type checks and every Jest suite of every project, through
// Nx so unchanged projects come from the local cache. Extra arguments go to Nx, e.g.
// `npm test -- --skip-nx-cache`. Ends with one plain line adding up every Jest suite's counts.
import { spawn } from 'node:child_process';
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
const child = spawn('npx', args, { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });

const totals = { passed: 0, failed: 0, skipped: 0 };
let pending = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString('utf8');
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) count(line);
});

/** Adds a Jest summary line ("Tests: 1 failed, 2 skipped, 40 passed, 43 total") to the totals. */
function count(line) {
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  if (!/^Tests:\s/.test(plain)) return;
  for (const [, n, kind] of plain.matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(n);
}

child.on('close', (code) => {
  count(pending);
  process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exit(code ?? 1);
});
