// Command line of `npm run bench`: measure (the default) or `generate` a trail file.
import { type GeneratorOptions } from '../generator';

export const USAGE = `usage:
  npm run bench -- [--quick | --records N] [--runs N] [--chdb] [--no-state] [--json] [--seed N]
  npm run bench -- generate --out FILE [--records N] [--seed N] [--span-seconds N] [--distinct-ips N]
                            [--hot-ip-share X] [--identities N] [--accounts N] [--start ISO-TIME]
  npm run bench -- detectors [--quick] [--json] [--detector NAME ...]   (anomaly detectors: µs per update; --help for more)

  --quick        100,000 records instead of 1,000,000
  --chdb         also measure chDB (installed on demand, ~550 MB); or TRAILPULSE_BENCH_CHDB=1
  --no-state     skip the max-window-state measurement
  --json         print the results as JSON on stdout (progress goes to stderr)`;

export const DEFAULT_RECORDS = 1_000_000;
export const QUICK_RECORDS = 100_000;
export const DEFAULT_RUNS = 3;

/** The command line cannot be understood. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export interface BenchOptions {
  readonly records: number;
  readonly quick: boolean;
  readonly runs: number;
  readonly seed: number | undefined;
  readonly chdb: boolean;
  readonly state: boolean;
  readonly json: boolean;
}

export interface GenerateOptions {
  readonly out: string;
  readonly generator: Partial<GeneratorOptions>;
}

export type BenchCommand =
  | { readonly kind: 'bench'; readonly options: BenchOptions }
  | { readonly kind: 'generate'; readonly options: GenerateOptions }
  | { readonly kind: 'help' };

/** Reads flags and their values one at a time, so every command shares the error messages. */
class ArgReader {
  private index = 0;

  constructor(private readonly args: readonly string[]) {}

  next(): string | undefined {
    return this.args[this.index++];
  }

  value(flag: string): string {
    const value = this.args[this.index++];
    if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${flag} needs a value\n${USAGE}`);
    return value;
  }

  integer(flag: string, min: number): number {
    const text = this.value(flag);
    const value = Number(text.replaceAll('_', ''));
    if (!Number.isSafeInteger(value) || value < min) throw new CliUsageError(`${flag} must be an integer >= ${min}, got "${text}"`);
    return value;
  }

  fraction(flag: string): number {
    const text = this.value(flag);
    const value = Number(text);
    if (!(value >= 0 && value <= 1)) throw new CliUsageError(`${flag} must be a number from 0 to 1, got "${text}"`);
    return value;
  }
}

function parseBench(reader: ArgReader, env: Readonly<Record<string, string | undefined>>): BenchCommand {
  let records: number | undefined;
  let quick = false;
  let runs = DEFAULT_RUNS;
  let seed: number | undefined;
  let chdb = env['TRAILPULSE_BENCH_CHDB'] === '1';
  let state = true;
  let json = false;
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    if (arg === '--quick') quick = true;
    else if (arg === '--records') records = reader.integer(arg, 1);
    else if (arg === '--runs') runs = reader.integer(arg, 1);
    else if (arg === '--seed') seed = reader.integer(arg, 0);
    else if (arg === '--chdb') chdb = true;
    else if (arg === '--no-state') state = false;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else throw new CliUsageError(`unknown argument "${arg}"\n${USAGE}`);
  }
  return { kind: 'bench', options: { records: records ?? (quick ? QUICK_RECORDS : DEFAULT_RECORDS), quick, runs, seed, chdb, state, json } };
}

function parseGenerate(reader: ArgReader): BenchCommand {
  let out: string | undefined;
  const generator: { -readonly [K in keyof GeneratorOptions]?: GeneratorOptions[K] } = {};
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    if (arg === '--out') out = reader.value(arg);
    else if (arg === '--records') generator.records = reader.integer(arg, 0);
    else if (arg === '--seed') generator.seed = reader.integer(arg, 0);
    else if (arg === '--span-seconds') generator.spanSeconds = reader.integer(arg, 1);
    else if (arg === '--distinct-ips') generator.distinctIps = reader.integer(arg, 1);
    else if (arg === '--hot-ip-share') generator.hotIpShare = reader.fraction(arg);
    else if (arg === '--identities') generator.identities = reader.integer(arg, 1);
    else if (arg === '--accounts') generator.accounts = reader.integer(arg, 1);
    else if (arg === '--start') generator.startTime = reader.value(arg);
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else throw new CliUsageError(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (out === undefined) throw new CliUsageError(`generate needs --out FILE\n${USAGE}`);
  return { kind: 'generate', options: { out, generator } };
}

export function parseBenchArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): BenchCommand {
  if (args[0] === 'generate') return parseGenerate(new ArgReader(args.slice(1)));
  return parseBench(new ArgReader(args), env);
}
