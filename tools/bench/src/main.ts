// `npm run bench`: measures the engine against the JSON.parse floor, DuckDB and chDB, or
// (`generate`) writes a generated CloudTrail trail. See docs/performance.md.
import { CliUsageError, parseBenchArgs, USAGE } from './cli/bench-args';
import { generateCommand } from './cli/generate-command';
import { GenerateWriteError, GeneratorOptionsError } from './generator';
import { WorkspaceError } from './measure/workspace';
import { formatResults } from './report/format-results';
import { runBench } from './run-bench';

/** Progress and the report go to stderr when stdout carries JSON. */
function logger(toStderr: boolean): (line: string) => void {
  return toStderr ? (line) => process.stderr.write(`${line}\n`) : (line) => process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const command = parseBenchArgs(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.kind === 'generate') {
    await generateCommand(command.options, logger(false));
    return;
  }
  const log = logger(command.options.json);
  const results = await runBench(command.options, log);
  log(formatResults(results));
  if (command.options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

/** Expected failures get one clear line; anything else keeps its stack for debugging. */
function describeFailure(error: unknown): unknown {
  if (error instanceof CliUsageError || error instanceof GeneratorOptionsError || error instanceof GenerateWriteError || error instanceof WorkspaceError) {
    return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  }
  return error;
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exitCode = 1;
});
