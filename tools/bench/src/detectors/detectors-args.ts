// Command line of `npm run bench -- detectors`: how long each run works and which detectors run.
import { CliUsageError } from '../cli/bench-args';

export const DETECTORS_USAGE = `usage:
  npm run bench -- detectors [--quick] [--runs N] [--min-seconds X] [--detector NAME ...] [--data DIR] [--json]

  Mean microseconds per update() of every registered detector over the NAB AWS series, against a
  running-mean baseline measured in the same run, and each detector's snapshot size.

  --quick          0.2 s of CPU time per run and 1 run (default: 1 s and 3 runs, median reported)
  --runs N         runs per candidate, each in a fresh child process
  --min-seconds X  minimum CPU time of timed work per run; whole passes over the series (a slow detector may do more)
  --detector NAME  only this registered detector (repeatable; the baselines always run)
  --data DIR       a NAB-layout directory (default: $TRAILPULSE_SHARED_DATA/nab or ../shared/data/nab)
  --json           print the results as JSON on stdout (progress goes to stderr)`;

export const DEFAULT_DETECTOR_RUNS = 3;
export const QUICK_DETECTOR_RUNS = 1;
export const DEFAULT_MIN_SECONDS = 1;
export const QUICK_MIN_SECONDS = 0.2;

export interface DetectorsBenchOptions {
  readonly runs: number;
  readonly minSeconds: number;
  readonly quick: boolean;
  /** Registered detector names to measure; empty means every registered detector. */
  readonly detectors: readonly string[];
  /** NAB root directory; undefined means the workspace's shared data. */
  readonly dataDir: string | undefined;
  readonly json: boolean;
}

export type DetectorsCommand = { readonly kind: 'detectors'; readonly options: DetectorsBenchOptions } | { readonly kind: 'help' };

function valueOf(args: readonly string[], index: number, flag: string): string {
  const value = args[index];
  if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${flag} needs a value\n${DETECTORS_USAGE}`);
  return value;
}

function positiveNumber(text: string, flag: string, integer: boolean): number {
  const value = Number(text.replaceAll('_', ''));
  const valid = integer ? Number.isSafeInteger(value) && value >= 1 : Number.isFinite(value) && value > 0;
  if (!valid) throw new CliUsageError(`${flag} must be ${integer ? 'an integer >= 1' : 'a number > 0'}, got "${text}"`);
  return value;
}

/** Parses the arguments after `detectors`. */
export function parseDetectorsArgs(args: readonly string[]): DetectorsCommand {
  let runs: number | undefined;
  let minSeconds: number | undefined;
  let quick = false;
  let json = false;
  let dataDir: string | undefined;
  const detectors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--json') json = true;
    else if (arg === '--runs') runs = positiveNumber(valueOf(args, ++i, arg), arg, true);
    else if (arg === '--min-seconds') minSeconds = positiveNumber(valueOf(args, ++i, arg), arg, false);
    else if (arg === '--detector') detectors.push(valueOf(args, ++i, arg));
    else if (arg === '--data') dataDir = valueOf(args, ++i, arg);
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else throw new CliUsageError(`unknown argument "${String(arg)}"\n${DETECTORS_USAGE}`);
  }
  return {
    kind: 'detectors',
    options: {
      runs: runs ?? (quick ? QUICK_DETECTOR_RUNS : DEFAULT_DETECTOR_RUNS),
      minSeconds: minSeconds ?? (quick ? QUICK_MIN_SECONDS : DEFAULT_MIN_SECONDS),
      quick,
      detectors: [...new Set(detectors)],
      dataDir,
      json,
    },
  };
}
