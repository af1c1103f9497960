// The local runtime's command: `npm start` (tools/scripts/start.mjs) and apps/local/bin/trailpulse-local.cjs.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Logger } from './http';
import { SourceOptionsError } from './sources';
import { CliArgsError, parseCliArgs, USAGE } from './runtime/cli-args';
import { type Runtime, startRuntime } from './runtime/runtime';

const ROOT = resolve(__dirname, '..', '..', '..');

const consoleLogger: Logger = {
  // Routine events (listening, connections) stay quiet: the banner says what matters.
  info: () => undefined,
  warn: (message, fields) => process.stderr.write(`warning: ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}\n`),
  error: (message, fields) => process.stderr.write(`error: ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}\n`),
};

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv, process.env);
  } catch (error) {
    if (error instanceof CliArgsError || error instanceof SourceOptionsError) {
      process.stderr.write(`trailpulse-local: ${error.message}\nRun with --help for the options.\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // __dirname is the esbuild cache when bundled: the workspace root comes from the working directory then.
  const root = existsSync(join(ROOT, 'package.json')) ? ROOT : process.cwd();
  const dashboardDir = args.dashboardDir ?? join(root, 'dist', 'apps', 'dashboard', 'browser');
  const defaultMetrics = join(root, 'examples', 'custom-metrics', 'security-baseline.yaml');
  const metricsFile = args.metricsFile ?? (existsSync(defaultMetrics) ? defaultMetrics : undefined);
  const runtime: Runtime = await startRuntime({
    dataDir: resolve(args.dataDir),
    port: args.port,
    sources: args.sources,
    ...(metricsFile === undefined ? {} : { seedMetricsFile: metricsFile }),
    ...(existsSync(join(dashboardDir, 'index.html')) ? { staticDir: dashboardDir } : {}),
    ...(args.bulkIntervalMs === undefined ? {} : { bulkFlushIntervalMs: args.bulkIntervalMs }),
    logger: consoleLogger,
  });
  const sources = [args.sources.demo && 'demo traffic', args.sources.replay && `replay of ${args.sources.replay.paths.join(', ')}`, args.sources.watch && `watching ${args.sources.watch.dir}`, 'HTTP ingest']
    .filter(Boolean)
    .join(', ');
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ url: runtime.url, loginUrl: runtime.loginUrl(), dataDir: resolve(args.dataDir), tokenOrigin: runtime.tokenOrigin })}\n`);
  } else {
    process.stdout.write(
      [
        'TrailPulse is running on this machine (127.0.0.1 only).',
        `  Dashboard:  ${runtime.loginUrl()}`,
        '              (a one-time sign-in link; run again for a fresh one)',
        `  API:        ${runtime.url}/api/v1  (Authorization: Bearer <token>; token ${runtime.tokenOrigin === 'env' ? 'from TRAILPULSE_TOKEN' : `in ${join(resolve(args.dataDir), 'token')}`})`,
        `  Sources:    ${sources}`,
        `  Storage:    ${resolve(args.dataDir)}`,
        ...(runtime.seededMetrics.length > 0 ? [`  Custom metrics stored on first start: ${runtime.seededMetrics.join(', ')}`] : []),
        'Press Ctrl+C to stop; everything merged so far is on disk.',
        '',
      ].join('\n'),
    );
  }
  const status = setInterval(() => {
    const { read, accepted, rejected } = runtime.stats;
    process.stderr.write(`ingested ${accepted.toLocaleString('en-US')} records (${rejected.toLocaleString('en-US')} rejected of ${read.toLocaleString('en-US')} read)\n`);
  }, 30_000);
  status.unref();
  const stop = async (): Promise<void> => {
    clearInterval(status);
    await runtime.close();
  };
  // Ctrl+C or SIGTERM stops cleanly in both modes: with --exit-when-done too, where the replay is
  // resumed by the next run with the same arguments.
  const signalled = new Promise<'signal'>((resolveSignal) => {
    process.once('SIGINT', () => resolveSignal('signal'));
    process.once('SIGTERM', () => resolveSignal('signal'));
  });
  const ended = await Promise.race([signalled, ...(args.exitWhenDone ? [runtime.sourcesDone.then(() => 'done' as const)] : [])]);
  if (ended === 'signal') process.stderr.write('stopping...\n');
  await stop();
  if (ended === 'done') {
    const { read, accepted, rejected } = runtime.stats;
    process.stderr.write(`done: ${accepted} accepted, ${rejected} rejected of ${read} read\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`trailpulse-local: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(70);
  },
);
