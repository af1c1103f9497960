import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import {
  type BatchOutput,
  compileCustomMetric,
  type CompiledCustomMetric,
  CustomMetricDefinitionError,
  DEFAULT_TOP_K,
  EngineOptionsError,
  parseCustomMetricDefinitions,
  parseWindowSeconds,
  WindowLengthError,
} from '@trailpulse/analytics';
import { analyzeFiles } from '@trailpulse/analytics/node';
import { type CliIo } from '../cli-io';
import { CliError, ExitCode } from '../exit-codes';
import { asInputError, resolveInputsOrExplain } from '../inputs';
import { parseWholeNumber } from '../options';
import { renderAnalyzeCsv } from '../output/analyze-csv';
import { renderAnalyzeTable } from '../output/analyze-table';
import { formatCount } from '../output/format-number';
import { ProgressBar } from '../output/progress';

type OutputMode = 'json' | 'table' | 'csv';

interface AnalyzeCliOptions {
  readonly window: number;
  readonly top: number;
  readonly metrics: readonly string[];
  readonly json?: boolean;
  readonly table?: boolean;
  readonly csv?: boolean;
  readonly workers?: number;
  readonly progress: boolean;
}

export function registerAnalyzeCommand(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .summary('compute the per-window metrics of CloudTrail files')
    .description(
      [
        'Compute every metric of the TrailPulse spec (metrics.md) over CloudTrail records in event-time',
        'tumbling windows: totalCalls, callsByService, callsByCategory, topApiCalls, topUsers, topIps,',
        'maxCallsByIp, ec2SuccessfulCalls, anomalyScore, and your custom metrics (--metrics).',
        'Inputs: files, directories (recursively) or - for stdin, in every shape `trailpulse validate` reads.',
        'Output: a table on a terminal, JSON otherwise (the spec\'s batch output), or --csv.',
      ].join('\n'),
    )
    .argument('<paths...>', 'files, directories or - for stdin')
    .option('--window <length>', 'window length: 10s to 1h (e.g. 10s, 60s, 5m, 1h)', parseWindowOption, 60)
    .option('--top <k>', 'length of the top lists', parseWholeNumber('--top', 1), DEFAULT_TOP_K)
    .option('--metrics <file>', 'custom metric definitions, JSON or YAML (repeatable)', collect, [] as string[])
    .addOption(new Option('--json', 'JSON output (metrics.md batch output)').conflicts(['table', 'csv']))
    .addOption(new Option('--table', 'human table output (default on a terminal)').conflicts(['json', 'csv']))
    .addOption(new Option('--csv', 'CSV output, one row per metric value').conflicts(['json', 'table']))
    .option('--workers <n>', 'threads scanning NDJSON files (default: the cores, for large inputs)', parseWholeNumber('--workers', 1))
    .option('--no-progress', 'no progress bar on stderr (it is only drawn on a terminal anyway)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  trailpulse analyze ./AWSLogs                                  # a CloudTrail S3 export',
        '  trailpulse analyze events.ndjson --window 10s --json > out.json',
        '  trailpulse analyze ./AWSLogs --metrics examples/custom-metrics/security-baseline.yaml',
        '',
        'Rejected records never stop the run: they are counted (events.rejectReasons) and summarised on',
        'stderr; `trailpulse validate` lists where they are. Exit codes: 0 ok, 1 usage, 2 input error.',
      ].join('\n'),
    )
    .action(async (paths: string[], options: AnalyzeCliOptions) => {
      const mode: OutputMode = options.json ? 'json' : options.csv ? 'csv' : options.table ? 'table' : io.stdout.isTTY ? 'table' : 'json';
      const customMetrics = await loadCustomMetrics(options.metrics);
      checkCustomWindows(customMetrics, options.window);
      const { output, skipped } = await analyze(paths, options, customMetrics, io);
      io.stdout.write(render(output, mode));
      reportRejections(output, io);
      reportSkippedFiles(skipped, io);
    });
}

function parseWindowOption(text: string): number {
  try {
    return parseWindowSeconds(text);
  } catch (error) {
    if (error instanceof WindowLengthError) throw new CliError(`--window: ${error.message}`, ExitCode.Usage, { cause: error });
    throw error;
  }
}

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

async function loadCustomMetrics(files: readonly string[]): Promise<CompiledCustomMetric[]> {
  const compiled: CompiledCustomMetric[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read --metrics file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.InputError, {
        cause: error,
      });
    }
    try {
      for (const definition of parseCustomMetricDefinitions(text, file)) compiled.push(compileCustomMetric(definition));
    } catch (error) {
      if (error instanceof CustomMetricDefinitionError) throw new CliError(error.message, ExitCode.InputError, { cause: error });
      throw error;
    }
  }
  const ids = new Set<string>();
  for (const metric of compiled) {
    if (ids.has(metric.id)) throw new CliError(`custom metric id "${metric.id}" is defined in more than one --metrics file`, ExitCode.InputError);
    ids.add(metric.id);
  }
  return compiled;
}

/**
 * One run computes one window length. A custom metric that asks for another is refused before
 * reading starts, with the command that computes it, rather than silently run at the wrong length.
 */
function checkCustomWindows(metrics: readonly CompiledCustomMetric[], windowSeconds: number): void {
  const misfits = metrics.filter((m) => m.windowSeconds !== undefined && m.windowSeconds !== windowSeconds);
  if (misfits.length === 0) return;
  const list = misfits.map((m) => `"${m.id}" (${m.windowSeconds} s)`).join(', ');
  const first = misfits[0]?.windowSeconds ?? windowSeconds;
  throw new CliError(
    `custom metric${misfits.length > 1 ? 's' : ''} ${list} ask${misfits.length > 1 ? '' : 's'} for another window than --window ${windowSeconds}s; ` +
      `run ${misfits.length > 1 ? 'them' : 'it'} with --window ${first}s, or remove \`window\` from the definition to follow --window.`,
    ExitCode.Usage,
  );
}

async function analyze(
  paths: readonly string[],
  options: AnalyzeCliOptions,
  customMetrics: readonly CompiledCustomMetric[],
  io: CliIo,
): Promise<{ output: BatchOutput; skipped: readonly SkippedFile[] }> {
  const { totalBytes } = await resolveInputsOrExplain(paths);
  const progress = new ProgressBar(io, totalBytes);
  let skipped: readonly SkippedFile[] = [];
  try {
    const output = await analyzeFiles(paths, {
      windowSeconds: options.window,
      topK: options.top,
      customMetrics,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      onProgress: (stats) => {
        skipped = stats.filesSkipped;
        if (options.progress) progress.update(stats.bytesRead, stats.read);
      },
    });
    return { output, skipped: [...skipped] };
  } catch (error) {
    // Options the engine refuses (e.g. --top beyond the sketch capacity) are usage errors.
    if (error instanceof EngineOptionsError) throw new CliError(error.message, ExitCode.Usage, { cause: error });
    throw asInputError(error);
  } finally {
    progress.done();
  }
}

function render(output: BatchOutput, mode: OutputMode): string {
  if (mode === 'csv') return renderAnalyzeCsv(output);
  if (mode === 'table') return renderAnalyzeTable(output);
  return `${JSON.stringify(output, null, 2)}\n`;
}

interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/**
 * Files not read are never silent: a damaged or unreadable file is named; files a directory holds
 * that are not CloudTrail JSON (LICENSE, .csv, ...) are only counted.
 */
function reportSkippedFiles(skipped: readonly SkippedFile[], io: CliIo): void {
  const foreign = skipped.filter((file) => file.reason === 'unsupported-extension');
  for (const file of skipped) {
    if (file.reason !== 'unsupported-extension') io.stderr.write(`trailpulse: skipped ${file.path}: ${file.reason}\n`);
  }
  if (foreign.length > 0) {
    io.stderr.write(
      `trailpulse: skipped ${formatCount(foreign.length)} file(s) in directories that are not .json, .jsonl or .ndjson (optionally .gz).\n`,
    );
  }
}

/** The rule: a run with rejected records exits 0, and says why on stderr. */
function reportRejections(output: BatchOutput, io: CliIo): void {
  const { rejected, read, rejectReasons } = output.events;
  if (rejected === 0) return;
  const reasons = Object.entries(rejectReasons)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([reason, n]) => `${reason} ${formatCount(n)}`)
    .join(', ');
  io.stderr.write(
    `trailpulse: ${formatCount(rejected)} of ${formatCount(read)} records rejected (${reasons}); \`trailpulse validate\` shows where.\n`,
  );
}
