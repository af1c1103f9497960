// Runs a TypeScript entry of this library from source (esbuild bundle into the OS temp dir).
// tools/scripts/ts-runner.cjs would bundle dynalite too, and dynalite's LevelDB binding
// (classic-level) finds its native build relative to its own files, so here dynalite stays external
// and is loaded from the workspace's node_modules.
'use strict';
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');

const workspaceRoot = path.resolve(__dirname, '..', '..', '..');

/** Bundles `entry` (absolute, or relative to the workspace root) and returns the bundle's path. */
function bundle(entry) {
  const esbuild = require('esbuild');
  const absEntry = path.resolve(workspaceRoot, entry);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-store-run-'));
  const outFile = path.join(outDir, `${path.basename(absEntry, '.ts')}.cjs`);
  esbuild.buildSync({
    entryPoints: [absEntry],
    absWorkingDir: workspaceRoot,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: outFile,
    sourcemap: 'inline',
    tsconfig: path.join(workspaceRoot, 'tsconfig.base.json'),
    logLevel: 'error',
    external: ['dynalite', 'esbuild'],
  });
  return outFile;
}

module.exports = { bundle, workspaceRoot };

if (require.main === module) {
  const [entry, ...args] = process.argv.slice(2);
  if (entry === undefined) {
    process.stderr.write('usage: node libs/metrics-store/bin/run-ts.cjs <entry.ts> [args...]\n');
    process.exit(64);
  }
  const file = bundle(entry);
  process.on('exit', () => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  process.argv = [process.argv[0], file, ...args];
  process.env.NODE_PATH = path.join(workspaceRoot, 'node_modules');
  require('node:module').Module._initPaths();
  require(file);
}
