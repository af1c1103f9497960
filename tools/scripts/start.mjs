#!/usr/bin/env node
// `npm start`: the main job. Builds the dashboard when its sources changed (Nx caches the build, so
// later starts take a second), then runs the local runtime (apps/local) on 127.0.0.1: demo traffic
// by default, embedded storage in ./.trailpulse, the API and the live dashboard.
//
//   npm start                                   demo traffic with scripted incidents
//   npm start -- --replay <paths...> --no-demo  your own CloudTrail files instead
//   npm start -- --help                         every option
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const wantsHelp = args.includes('--help') || args.includes('-h');

if (!wantsHelp) {
  process.stderr.write('Preparing the dashboard (built once, then cached)...\n');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'run', '@trailpulse/dashboard:build', '--output-style=stream-without-prefixes'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}\n`);
    process.stderr.write('warning: the dashboard did not build (output above); the API still runs, and / says how to build it.\n');
  }
}

// The runtime's V8 options (apps/local/bin/node-options.cjs) only take effect on the command line.
const { RUNTIME_NODE_OPTIONS } = createRequire(import.meta.url)(join(root, 'apps', 'local', 'bin', 'node-options.cjs'));
const runtime = spawn(process.execPath, [...RUNTIME_NODE_OPTIONS, join(root, 'apps', 'local', 'bin', 'trailpulse-local.cjs'), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => runtime.kill(signal));
runtime.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
