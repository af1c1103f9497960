// Command line of `npm run bench -- local`: the local runtime's HTTP ingest under load.
import { CliUsageError } from '../cli/bench-args';

export const LOCAL_USAGE = `usage: npm run bench -- local [--quick | --events N] [--batch N] [--concurrency N] [--event-rate N] [--post-rate N] [--runs N] [--json] [--profile DIR]

Starts the local runtime in a child process (no demo, port 0, temp data dir), POSTs generated
CloudTrail records to /api/v1/events over loopback at max rate with bounded concurrency, and
measures sustained ingest (records accepted and merged into the store) and the latency from each
POST to the WebSocket message of its 10 s window, against the raw loopback POST rate of a
trivial node:http server measured in the same run.

  --events N       records to POST (default 1,200,000: two or three bulk merges in the run)
  --quick          100,000 records
  --batch N        records per POST (default 2,000)
  --concurrency N  POSTs in flight (default 4)
  --event-rate N   generated records per second of event time (default 5,000): how many 10 s
                   windows the load spans
  --post-rate N    records per second to POST at (default: max rate): a paced load, to measure
                   latency at a rate the runtime sustains instead of behind a backlog
  --runs N         measure N times (a fresh runtime and baseline each, the same load) and print
                   the median and range of each measure too (default 1): on a shared machine one
                   run's rate can be off by a quarter
  --node-flag F    a Node.js/V8 flag for the runtime's process (repeatable), e.g.
                   --node-flag --max-semi-space-size=128 to try a larger young generation
  --profile DIR    run the runtime with --cpu-prof, writing its profile to DIR
  --json           print {"runs": [...], "summary": {...}} as JSON on stdout (progress goes to stderr)`;

/**
 * Long enough (~25 s of load at 50,000/s) for two or three bulk merges (every 10 s) to land inside
 * the measured span: a run shorter than the bulk interval leaves most of the bulk work after the last
 * window, and its live rate then says nothing of a sustained one.
 */
export const DEFAULT_LOCAL_EVENTS = 1_200_000;
export const QUICK_LOCAL_EVENTS = 100_000;

export interface LocalBenchOptions {
  readonly events: number;
  readonly batch: number;
  readonly concurrency: number;
  readonly eventRate: number;
  /** Records per second the POSTs are paced at; undefined: as fast as answers come. */
  readonly postRate: number | undefined;
  /** Measurements of the same load, each with a fresh runtime and baseline. */
  readonly runs: number;
  readonly json: boolean;
  readonly profileDir: string | undefined;
  /** Flags for the runtime's node process. */
  readonly nodeFlags: readonly string[];
}

export type LocalBenchCommand = { readonly kind: 'help' } | { readonly kind: 'bench'; readonly options: LocalBenchOptions };

/** @throws CliUsageError naming the flag at fault. */
export function parseLocalArgs(args: readonly string[]): LocalBenchCommand {
  let events: number | undefined;
  let quick = false;
  let batch = 2000;
  let concurrency = 4;
  let eventRate = 5000;
  let postRate: number | undefined;
  let runs = 1;
  let json = false;
  let profileDir: string | undefined;
  const nodeFlags: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const flag = args[index] as string;
    const value = (): string => {
      const next = args[++index];
      if (next === undefined || next.startsWith('--')) throw new CliUsageError(`${flag} needs a value\n${LOCAL_USAGE}`);
      return next;
    };
    const integer = (min: number, max: number): number => {
      const text = value();
      const parsed = Number(text.replaceAll('_', ''));
      if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) throw new CliUsageError(`${flag} takes a whole number from ${min} to ${max}, not "${text}"`);
      return parsed;
    };
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    else if (flag === '--events') events = integer(1, 50_000_000);
    else if (flag === '--quick') quick = true;
    else if (flag === '--batch') batch = integer(1, 5000);
    else if (flag === '--concurrency') concurrency = integer(1, 64);
    else if (flag === '--event-rate') eventRate = integer(1, 1_000_000);
    else if (flag === '--post-rate') postRate = integer(1, 10_000_000);
    else if (flag === '--runs') runs = integer(1, 50);
    else if (flag === '--json') json = true;
    else if (flag === '--profile') profileDir = value();
    else if (flag === '--node-flag') {
      const nodeFlag = args[++index];
      if (nodeFlag === undefined || !nodeFlag.startsWith('--')) throw new CliUsageError(`--node-flag takes a flag such as --max-semi-space-size=64, not "${String(nodeFlag)}"`);
      nodeFlags.push(nodeFlag);
    }
    else throw new CliUsageError(`unknown option ${flag}\n${LOCAL_USAGE}`);
  }
  if (quick && events !== undefined) throw new CliUsageError('--quick and --events both set the number of records: use one');
  return { kind: 'bench', options: { events: events ?? (quick ? QUICK_LOCAL_EVENTS : DEFAULT_LOCAL_EVENTS), batch, concurrency, eventRate, postRate, runs, json, profileDir, nodeFlags } };
}
