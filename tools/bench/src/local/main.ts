// `npm run bench -- local`: the local runtime's sustained HTTP ingest and live latency (issue #6).
import { CliUsageError } from '../cli/bench-args';
import { WorkspaceError } from '../measure/workspace';
import { ChildServerError } from './child-servers';
import { LOCAL_USAGE, parseLocalArgs } from './local-args';
import { formatLocalResults, formatLocalSummary } from './format-local';
import { PostFailedError } from './post-driver';
import { runLocalBench } from './run-local-bench';
import { summarizeRuns } from './summarize-runs';

async function main(): Promise<void> {
  // argv: node, bundle, 'local', ...flags
  const command = parseLocalArgs(process.argv.slice(3));
  if (command.kind === 'help') {
    console.log(LOCAL_USAGE);
    return;
  }
  const { json } = command.options;
  const log = json ? (line: string) => process.stderr.write(`${line}\n`) : (line: string) => process.stdout.write(`${line}\n`);
  const runs = await runLocalBench(command.options, log);
  for (const run of runs) log(formatLocalResults(run));
  const summary = summarizeRuns(runs);
  if (runs.length > 1) log(formatLocalSummary(summary));
  if (json) process.stdout.write(`${JSON.stringify({ runs, summary }, null, 2)}\n`);
}

function describeFailure(error: unknown): unknown {
  if (error instanceof CliUsageError || error instanceof WorkspaceError || error instanceof ChildServerError || error instanceof PostFailedError) return error.message;
  return error;
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exitCode = 1;
});
