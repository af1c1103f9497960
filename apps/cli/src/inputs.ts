import { InputPathError, resolveInputs, type ResolvedInputs } from '@trailpulse/event-schema/node';
import { CliError, ExitCode } from './exit-codes';

/**
 * Checks every input path before reading starts; a path that cannot be read is an input error
 * (exit 2) named in one line, never a stack trace.
 */
export async function resolveInputsOrExplain(paths: readonly string[]): Promise<ResolvedInputs> {
  try {
    return await resolveInputs(paths);
  } catch (error) {
    throw asInputError(error);
  }
}

/** An InputPathError as the CLI's input error; anything else unchanged. */
export function asInputError(error: unknown): unknown {
  return error instanceof InputPathError ? new CliError(error.message, ExitCode.InputError, { cause: error }) : error;
}
