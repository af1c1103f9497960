/** Process exit codes of every `trailpulse` command (documented in apps/cli/README.md). */
export const ExitCode = {
  /** The command did its job. Rejected records alone are not a failure: they are reported. */
  Ok: 0,
  /** The command line was wrong: unknown option, missing argument, bad value. */
  Usage: 1,
  /** An input could not be read at all: missing path, unreadable file. */
  InputError: 2,
  /** A bug in TrailPulse (BSD EX_SOFTWARE). The message asks for a report. */
  Internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI reports as one clear line and maps to an exit code, never as a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
