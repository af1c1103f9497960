import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TRAILPULSE_CLI, WORKSPACE_ROOT } from './workspace';

const run = promisify(execFile);

/** The batch output of `trailpulse analyze --json` (metrics.md), loosely typed: the tests compare it as data. */
export interface AnalyzeOutput {
  readonly events: {
    readonly read: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly rejectReasons: Readonly<Record<string, number>>;
  };
  readonly windowSeconds: number;
  readonly windows: readonly AnalyzedWindow[];
}

export interface AnalyzedWindow {
  readonly start: string;
  readonly end: string;
  readonly metrics: Readonly<Record<string, unknown>>;
}

export interface AnalyzeOptions {
  readonly windowSeconds: number;
  readonly metricsFile?: string;
}

/** Runs the real `trailpulse analyze <paths> --json` in a child process: the reference every runtime result must equal. */
export async function analyze(paths: readonly string[], options: AnalyzeOptions): Promise<AnalyzeOutput> {
  const args = [TRAILPULSE_CLI, 'analyze', ...paths, '--json', '--no-progress', '--window', `${options.windowSeconds}s`];
  if (options.metricsFile !== undefined) args.push('--metrics', options.metricsFile);
  const { stdout } = await run(process.execPath, args, { cwd: WORKSPACE_ROOT, maxBuffer: 512 * 1024 * 1024 });
  return JSON.parse(stdout) as AnalyzeOutput;
}
