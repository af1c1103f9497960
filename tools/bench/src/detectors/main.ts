// `npm run bench -- detectors`: mean µs per update() of every registered anomaly detector, against
// a running-mean baseline measured in the same run, and each detector's snapshot size.
import { UnknownDetectorError } from '@trailpulse/anomaly';
import { CliUsageError } from '../cli/bench-args';
import { WorkspaceError } from '../measure/workspace';
import { BenchSeriesError } from './bench-series';
import { DETECTORS_USAGE, parseDetectorsArgs } from './detectors-args';
import { formatDetectorsResults } from './format-detectors';
import { runDetectorsBench } from './run-detectors-bench';

async function main(): Promise<void> {
  // argv: node, bundle, 'detectors', ...flags
  const command = parseDetectorsArgs(process.argv.slice(3));
  if (command.kind === 'help') {
    console.log(DETECTORS_USAGE);
    return;
  }
  const { json } = command.options;
  // Progress and the table go to stderr when stdout carries JSON.
  const log = json ? (line: string) => process.stderr.write(`${line}\n`) : (line: string) => process.stdout.write(`${line}\n`);
  const results = await runDetectorsBench(command.options, log);
  log(formatDetectorsResults(results));
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

/** Expected failures get one clear line; anything else keeps its stack for debugging. */
function describeFailure(error: unknown): unknown {
  if (error instanceof CliUsageError || error instanceof UnknownDetectorError || error instanceof WorkspaceError || error instanceof BenchSeriesError) {
    return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  }
  return error;
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exitCode = 1;
});
