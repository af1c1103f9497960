// Runs a TypeScript entry point straight from source, with no build step to remember.
//
// esbuild bundles the entry, every workspace file it imports (the `@trailpulse/*` libraries
// resolve through tsconfig paths) and their npm dependencies into one CommonJS file; only native
// packages stay external. The bundle is written to node_modules/.cache/trailpulse/ (so worker
// threads and stack traces have a real file) and rebuilt only when its inputs changed.
// See docs/decisions/0003-run-typescript-from-source.md.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const workspaceRoot = path.resolve(__dirname, '..', '..');
const cacheDir = path.join(workspaceRoot, 'node_modules', '.cache', 'trailpulse');

/** Newest mtime of a build's inputs, so an unchanged tree reuses the cached bundle. */
function inputsFingerprint(inputs) {
  const hash = crypto.createHash('sha256');
  for (const file of inputs) {
    let stamp = 'missing';
    try {
      const st = fs.statSync(path.join(workspaceRoot, file));
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      // a deleted input forces a rebuild
    }
    hash.update(`${file}\0${stamp}\0`);
  }
  return hash.digest('hex');
}

/** Packages with native code or their own binaries: loaded at run time, never bundled. */
const NATIVE_PACKAGES = ['esbuild', '@duckdb/*', 'chdb', 'fsevents', 'dynalite'];

/**
 * Bundles `entry` (path relative to the workspace root or absolute) and returns the path of the
 * CommonJS bundle, rebuilding it only when a source file it was built from has changed.
 */
function bundle(entry) {
  const absEntry = path.resolve(workspaceRoot, entry);
  const name = path.relative(workspaceRoot, absEntry).replace(/[^A-Za-z0-9]+/g, '_').replace(/_ts$/, '');
  const outFile = path.join(cacheDir, `${name}.cjs`);
  const metaFile = `${outFile}.inputs.json`;
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    if (meta.fingerprint === inputsFingerprint(meta.inputs) && fs.existsSync(outFile)) return outFile;
  } catch {
    // no usable cache: build below
  }
  const esbuild = require('esbuild');
  // Built into a directory of this process's own, then renamed into place: tests start several
  // processes at once, and one of them must never load a bundle another is halfway through writing.
  const buildDir = path.join(cacheDir, `.build-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  let result;
  try {
    result = esbuild.buildSync({
      entryPoints: [absEntry],
      absWorkingDir: workspaceRoot,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: path.join(buildDir, path.basename(outFile)),
      // A separate map: Node reads it only with --enable-source-maps, so it costs nothing otherwise.
      sourcemap: 'linked',
      sourcesContent: false,
      metafile: true,
      tsconfig: path.join(workspaceRoot, 'tsconfig.base.json'),
      logLevel: 'silent',
      // npm packages are bundled too, each resolved from the file that imports it, so a library
      // gets the version it declares (the root may hoist another: yaml 1 under yaml 2's name).
      // Only packages that cannot be bundled (native addons, binaries) load from node_modules.
      external: NATIVE_PACKAGES,
    });
  } catch (error) {
    // A compile error in our own sources: show esbuild's located messages, not its stack.
    const messages = esbuild.formatMessagesSync(error.errors ?? [], { kind: 'error', color: process.stderr.isTTY });
    process.stderr.write(`trailpulse: cannot compile ${path.relative(workspaceRoot, absEntry)}:\n${messages.join('')}`);
    fs.rmSync(buildDir, { recursive: true, force: true });
    process.exit(70);
  }
  // Our sources by their own stamps; npm packages through the lockfile, which changes whenever an
  // installed version does (stat-ing every file of every package would slow each start).
  const inputs = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules')), 'package-lock.json'];
  fs.renameSync(path.join(buildDir, `${path.basename(outFile)}.map`), `${outFile}.map`);
  fs.renameSync(path.join(buildDir, path.basename(outFile)), outFile);
  fs.writeFileSync(path.join(buildDir, 'inputs.json'), JSON.stringify({ fingerprint: inputsFingerprint(inputs), inputs }));
  fs.renameSync(path.join(buildDir, 'inputs.json'), metaFile);
  fs.rmSync(buildDir, { recursive: true, force: true });
  return outFile;
}

/** Bundles and runs `entry` in this process. */
function run(entry) {
  require(bundle(entry));
}

module.exports = { bundle, run, workspaceRoot };

// `node tools/scripts/ts-runner.cjs <entry.ts> [args...]`: runs any TypeScript entry of the workspace
// (measurement scripts, one-off tools) with `process.argv` as the entry would see it.
if (require.main === module) {
  const [entry, ...args] = process.argv.slice(2);
  if (entry === undefined) {
    process.stderr.write('usage: node tools/scripts/ts-runner.cjs <entry.ts> [args...]\n');
    process.exit(64);
  }
  process.argv = [process.argv[0], path.resolve(workspaceRoot, entry), ...args];
  run(path.resolve(workspaceRoot, entry));
}
