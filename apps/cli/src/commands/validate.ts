import { type Command, Option } from 'commander';
import { addBatch, createReadStats, type ReadStats, type RejectedRecord } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { type CliIo } from '../cli-io';
import { resolveInputsOrExplain } from '../inputs';
import { formatBytes, formatCount } from '../output/format-number';
import { ProgressBar } from '../output/progress';
import { renderTable } from '../output/table';
import { parseWholeNumber } from '../options';

interface ValidateOptions {
  readonly json: boolean;
  readonly format: 'auto' | 'ndjson' | 'json';
  readonly examples: number;
  readonly files: boolean;
  readonly progress: boolean;
}

/** What `validate --json` prints: the spec's `events` block plus where the rejections are. */
export interface ValidateReport {
  readonly events: Pick<ReadStats, 'read' | 'accepted' | 'rejected' | 'rejectReasons' | 'byEventType'>;
  readonly files: {
    readonly read: number;
    readonly skipped: readonly { readonly path: string; readonly reason: string }[];
    readonly bytes: number;
  };
  readonly perFile: readonly { readonly path: string; readonly accepted: number; readonly rejected: number }[];
  readonly rejectionExamples: readonly RejectedRecord[];
}

export function registerValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .summary('read CloudTrail input and report accepted and rejected records')
    .description(
      [
        'Read CloudTrail records from files, directories (recursively, lexical order) or - (stdin),',
        'in any shape TrailPulse accepts: S3 log files {"Records":[...]} plain or .gz, NDJSON plain or .gz,',
        'JSON arrays, EventBridge envelopes, CloudWatch Logs subscription messages. Reports how many',
        'records would be accepted, and every rejection with its reason and location (file, line, index).',
        'Reading is streamed: memory stays constant whatever the input size.',
      ].join('\n'),
    )
    .argument('<paths...>', 'files, directories or - for stdin')
    .option('--json', 'print a JSON report on stdout', false)
    .addOption(
      new Option('--format <format>', 'input format, when sniffing is not wanted').choices(['auto', 'ndjson', 'json']).default('auto'),
    )
    .option('--examples <n>', 'how many rejections to show with their location', parseWholeNumber('--examples'), 10)
    .option('--files', 'also list accepted and rejected counts per file', false)
    .option('--no-progress', 'no progress bar on stderr (it is only drawn on a terminal anyway)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  trailpulse validate ./AWSLogs                       # a CloudTrail S3 export, recursively',
        '  trailpulse validate events.ndjson.gz --json         # machine-readable report',
        '  zcat trail.json.gz | trailpulse validate -          # stdin',
        '',
        'Rejection reasons (../shared/spec/metrics.md, "Input"): invalid-json, not-an-object,',
        'missing-eventTime, invalid-eventTime, missing-eventSource, missing-eventName, too-large (> 256 KiB),',
        'not-cloudtrail (an EventBridge event that is not from CloudTrail), truncated (input ends mid-record).',
      ].join('\n'),
    )
    .action(async (paths: string[], options: ValidateOptions) => {
      const report = await validate(paths, options, io);
      io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, options));
    });
}

async function validate(paths: readonly string[], options: ValidateOptions, io: CliIo): Promise<ValidateReport> {
  const inputs = await resolveInputsOrExplain(paths);
  const stats = createReadStats();
  const examples: RejectedRecord[] = [];
  const perFile = new Map<string, { accepted: number; rejected: number }>();
  const progress = new ProgressBar(io, inputs.totalBytes);
  try {
    for await (const batch of readPaths(paths, { format: options.format })) {
      addBatch(stats, batch);
      const file = perFile.get(batch.source) ?? { accepted: 0, rejected: 0 };
      file.accepted += batch.accepted.length;
      file.rejected += batch.rejected.length;
      perFile.set(batch.source, file);
      for (const rejection of batch.rejected) {
        if (examples.length >= options.examples) break;
        examples.push(rejection);
      }
      if (options.progress) progress.update(stats.bytesRead, stats.read);
    }
  } finally {
    progress.done();
  }
  const skipped = new Set(stats.filesSkipped.map((file) => file.path));
  return {
    events: {
      read: stats.read,
      accepted: stats.accepted,
      rejected: stats.rejected,
      rejectReasons: stats.rejectReasons,
      byEventType: stats.byEventType,
    },
    files: { read: stats.filesRead, skipped: stats.filesSkipped, bytes: stats.bytesRead },
    perFile: [...perFile]
      .filter(([path]) => !skipped.has(path))
      .map(([path, counts]) => ({ path, ...counts })),
    rejectionExamples: examples,
  };
}

function renderReport(report: ValidateReport, options: ValidateOptions): string {
  const { events, files } = report;
  const out: string[] = [];
  out.push(
    `Read ${formatCount(events.read)} records from ${formatCount(files.read)} file(s) (${formatBytes(files.bytes)}): ` +
      `${formatCount(events.accepted)} accepted, ${formatCount(events.rejected)} rejected.\n`,
  );
  const reasons = Object.entries(events.rejectReasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (reasons.length > 0) out.push('\nRejected, by reason:\n', renderTable(['reason', 'records'], reasons));
  const types = Object.entries(events.byEventType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (types.length > 0) out.push('\nAccepted, by eventType:\n', renderTable(['eventType', 'records'], types));
  if (report.rejectionExamples.length > 0) {
    out.push(`\nFirst ${report.rejectionExamples.length} rejection(s):\n`);
    for (const r of report.rejectionExamples) out.push(`  ${describeLocation(r.location)}: ${r.reason}: ${r.message}\n`);
  }
  if (files.skipped.length > 0) {
    out.push(`\nSkipped ${files.skipped.length} file(s):\n`);
    for (const s of files.skipped) out.push(`  ${s.path}: ${s.reason}\n`);
  }
  if (options.files && report.perFile.length > 0) {
    out.push('\nPer file:\n', renderTable(['file', 'accepted', 'rejected'], report.perFile.map((f) => [f.path, f.accepted, f.rejected])));
  }
  return out.join('');
}

function describeLocation(location: RejectedRecord['location']): string {
  const parts = [location.source];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  // The path inside the document (Records[3], logEvents[0].message) says where; a bare record
  // index adds nothing to a line number.
  if (location.path !== undefined) parts.push(location.path);
  else if (location.line === undefined && location.index !== undefined) parts.push(`record ${location.index}`);
  return parts.join(' ');
}
