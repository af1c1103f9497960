import { spawnSync } from 'node:child_process';
import { metricsResponseSchema, type MetricsWindow } from '@trailpulse/api-contract';
import { CLI_BIN, CUSTOM_METRICS_FILE, REPO_ROOT } from './paths';

export class AnalyzeError extends Error {
  override readonly name = 'AnalyzeError';
}

/** What `trailpulse analyze --json --window 60s` says about some input: the oracle of every number the dashboard shows. */
export interface AnalyzeResult {
  readonly accepted: number;
  readonly windows: readonly MetricsWindow[];
}

/**
 * Runs the `trailpulse` CLI (a child process, like a user would) over `paths`, or over the given
 * records as NDJSON on stdin, with the custom metrics the runtime was started with.
 */
export function analyze(input: { readonly paths: readonly string[] } | { readonly records: readonly unknown[] }): AnalyzeResult {
  const fromStdin = 'records' in input;
  const args = [CLI_BIN, 'analyze', ...(fromStdin ? ['-'] : input.paths), '--json', '--window', '60s', '--metrics', CUSTOM_METRICS_FILE, '--no-progress'];
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    input: fromStdin ? input.records.map((record) => JSON.stringify(record)).join('\n') : undefined,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new AnalyzeError(`trailpulse analyze exited with ${String(result.status)}: ${result.stderr}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch (cause) {
    throw new AnalyzeError(`trailpulse analyze printed no JSON: ${result.stdout.slice(0, 200)}`, { cause });
  }
  const output = metricsResponseSchema.safeParse(parsed);
  if (!output.success) throw new AnalyzeError(`trailpulse analyze printed windows this suite cannot read: ${output.error.message}`);
  const accepted = (parsed as { events?: { accepted?: unknown } }).events?.accepted;
  if (typeof accepted !== 'number') throw new AnalyzeError('trailpulse analyze printed no events.accepted count');
  return { accepted, windows: output.data.windows };
}
