import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from '../http';
import { parseSourceOptions, type SourcePlan } from '../sources';
import { DEFAULT_BULK_FLUSH_INTERVAL_MS } from './batch-pipeline';

export const USAGE = `usage: npm start -- [options]        (or: node apps/local/bin/trailpulse-local.cjs [options])

Runs TrailPulse on this machine: ingest, the engine, embedded storage, the API and the dashboard,
on 127.0.0.1 only.

Sources (any combination; demo traffic when none is given; HTTP ingest always):
  --replay <path>          CloudTrail files or folders to replay (repeat for more)
  --speed <max|Nx>         replay pacing: max (default), 1x original, 10x, 0.5x
  --watch <dir>            tail a folder where CloudTrail files land
  --watch-interval <d>     how often --watch polls (default 2s)
  --demo / --no-demo       demo traffic with scripted incidents (default: on when no other source)
  --demo-rate <n>          demo events per second
  --demo-seed <s>          demo random seed (default 1)

Runtime:
  --port <n>               HTTP port (default ${DEFAULT_PORT}, or TRAILPULSE_PORT; 0 picks a free one)
  --data-dir <dir>         storage and token (default ./.trailpulse, or TRAILPULSE_DATA_DIR)
  --metrics <file>         custom metric definitions stored on the first start
                           (default examples/custom-metrics/security-baseline.yaml)
  --dashboard-dir <dir>    the built dashboard (default dist/apps/dashboard/browser)
  --bulk-interval <d>      how often the per-account/region rows and the 60 s and 3600 s
                           roll-ups are merged: filtered and coarse windows trail the live
                           10 s windows by up to this (default ${DEFAULT_BULK_FLUSH_INTERVAL_MS / 1000}s; shorter costs more CPU)
  --exit-when-done         stop once every --replay is merged and its windows closed
  --json                   print the startup details as one JSON line
  -h, --help               this help

The API token comes from TRAILPULSE_TOKEN, or is generated once and stored (mode 0600) in the data dir.`;

export class CliArgsError extends Error {
  override readonly name = 'CliArgsError';
}

export interface CliArgs {
  readonly help: boolean;
  readonly port: number;
  readonly dataDir: string;
  readonly sources: SourcePlan;
  readonly metricsFile?: string;
  readonly dashboardDir?: string;
  /** --bulk-interval in ms (the runtime's default when absent). */
  readonly bulkIntervalMs?: number;
  readonly exitWhenDone: boolean;
  readonly json: boolean;
}

/** --bulk-interval's range: no faster than the live merges (up to 1 s apart), and at most five minutes behind. */
const BULK_INTERVAL_MS = { min: 1_000, max: 300_000 } as const;

/** @throws CliArgsError unless `text` is a duration such as 10s or 2500ms within {@link BULK_INTERVAL_MS}. */
function parseBulkInterval(text: string): number {
  const match = /^(\d+)(ms|s)$/.exec(text.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  if (!(ms >= BULK_INTERVAL_MS.min && ms <= BULK_INTERVAL_MS.max)) {
    throw new CliArgsError(`--bulk-interval takes a duration from 1s to 300s such as 10s or 2500ms, not "${text}"`);
  }
  return ms;
}

/** @throws CliArgsError (or the sources' SourceOptionsError) naming the option at fault. */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new CliArgsError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const portText = values.port ?? env['TRAILPULSE_PORT'] ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65_535) throw new CliArgsError(`--port takes a port number from 0 to 65535, not "${portText}"`);
  const demo = values['no-demo'] === true ? false : values.demo === true ? true : undefined;
  const sources = parseSourceOptions({
    ...(values.replay === undefined ? {} : { replay: values.replay }),
    ...(values.speed === undefined ? {} : { speed: values.speed }),
    ...(values.watch === undefined ? {} : { watch: values.watch }),
    ...(values['watch-interval'] === undefined ? {} : { watchInterval: values['watch-interval'] }),
    ...(demo === undefined ? {} : { demo }),
    ...(values['demo-rate'] === undefined ? {} : { demoRate: values['demo-rate'] }),
    ...(values['demo-seed'] === undefined ? {} : { demoSeed: values['demo-seed'] }),
  });
  if (values['exit-when-done'] === true && sources.replay === undefined) throw new CliArgsError('--exit-when-done needs --replay <paths...> (the other sources never finish)');
  return {
    help: values.help === true,
    port,
    dataDir: values['data-dir'] ?? env['TRAILPULSE_DATA_DIR'] ?? '.trailpulse',
    sources,
    ...(values.metrics === undefined ? {} : { metricsFile: values.metrics }),
    ...(values['dashboard-dir'] === undefined ? {} : { dashboardDir: values['dashboard-dir'] }),
    ...(values['bulk-interval'] === undefined ? {} : { bulkIntervalMs: parseBulkInterval(values['bulk-interval']) }),
    exitWhenDone: values['exit-when-done'] === true,
    json: values.json === true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      replay: { type: 'string', multiple: true },
      speed: { type: 'string' },
      watch: { type: 'string' },
      'watch-interval': { type: 'string' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      'demo-rate': { type: 'string' },
      'demo-seed': { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      metrics: { type: 'string' },
      'dashboard-dir': { type: 'string' },
      'bulk-interval': { type: 'string' },
      'exit-when-done': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
