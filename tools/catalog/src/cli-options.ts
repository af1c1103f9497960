// Command line of `npm run catalog`: where the shared data lives and whether to write or check.

import path from 'node:path';

/** The command line cannot be understood. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const USAGE = 'usage: npm run catalog -- [--check] [--data <shared data dir>]';

export interface CliOptions {
  /** Compare the generated module with the committed one instead of writing it. */
  readonly check: boolean;
  /** The shared `data` folder given with `--data`, if any. */
  readonly dataDir: string | undefined;
}

export function parseCliOptions(args: readonly string[]): CliOptions {
  let check = false;
  let dataDir: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--check') {
      check = true;
    } else if (arg === '--data') {
      dataDir = args[i + 1];
      if (dataDir === undefined || dataDir.startsWith('--')) throw new CliUsageError(`--data needs a folder\n${USAGE}`);
      i += 1;
    } else {
      throw new CliUsageError(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return { check, dataDir };
}

/**
 * Folder holding operations.csv and services.csv: `aws-services` inside the shared data folder,
 * which is `--data`, else $TRAILPULSE_SHARED_DATA, else `shared/data` beside the workspace.
 */
export function awsServicesDir(options: CliOptions, sharedDataEnv: string | undefined, workspaceRoot: string): string {
  const sharedData = options.dataDir ?? sharedDataEnv ?? path.resolve(workspaceRoot, '..', 'shared', 'data');
  return path.resolve(sharedData, 'aws-services');
}
