import { Command, CommanderError, Option } from 'commander';
import { type CliIo } from './cli-io';
import { CliError, ExitCode } from './exit-codes';
import { registerAnalyzeCommand } from './commands/analyze';
import { registerCatalogCommand } from './commands/catalog';
import { registerNabCommand } from './commands/nab';
import { registerValidateCommand } from './commands/validate';
import { VERSION } from './version';

/** Builds the `trailpulse` command tree. Commands write only through `io`, so tests run them in-process. */
export function createProgram(io: CliIo): Command {
  const program = new Command('trailpulse')
    .description('Real-time insight into AWS account activity: read, check and analyze CloudTrail records.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpCommand('help [command]', 'show help for a command')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 ok (rejected records are reported, not failures), 1 usage error,',
        '            2 input error (a path that cannot be read), 70 internal error.',
        'Docs: README.md and apps/cli/README.md in the TrailPulse repository.',
      ].join('\n'),
    );
  program.addOption(new Option('--no-color', 'plain output (no terminal colors)').hideHelp());
  registerAnalyzeCommand(program, io);
  registerValidateCommand(program, io);
  registerCatalogCommand(program, io);
  registerNabCommand(program, io);
  return program;
}

/**
 * Runs the CLI on `argv` (without node and script path) and returns the exit code.
 * Never throws: every failure becomes one line on stderr and an exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.Usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.Ok;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version text).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.Ok;
    }
    return ExitCode.Usage;
  }
  if (error instanceof CliError) {
    io.stderr.write(`trailpulse: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `trailpulse: internal error: ${message}\nThis is a bug in TrailPulse; please report it with the command you ran.\n`,
  );
  return ExitCode.Internal;
}
