// Command line of `npm run plots`.
export const USAGE = `usage:
  node tools/plots/bin/plots.mjs [--out DIR] [--detector NAME] [--data DIR]

  Renders one PNG per plotted NAB AWS series: the values, the detector's NAB score (0-1), the
  labeled anomaly windows, the probationary period and the detections at the threshold NAB's
  optimizer chose for the standard profile over all AWS series; and DIR/README.md saying how.
  Files: DIR/<series>.png for the default detector, DIR/<detector>_<series>.png for another one
  (README.md describes the last run).

  --out DIR        where the PNGs go (default docs/images/anomaly, from the workspace root)
  --detector NAME  a registered detector (default: the registry's default detector)
  --data DIR       a NAB-layout directory (default: $TRAILPULSE_SHARED_DATA/nab or ../shared/data/nab)
  --chromium PATH  the Chromium to rasterise with (default /usr/bin/chromium)`;

export const DEFAULT_OUT_DIR = 'docs/images/anomaly';
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The command line cannot be understood. */
export class PlotsUsageError extends Error {
  override readonly name = 'PlotsUsageError';
}

export interface PlotsOptions {
  /** As given; relative paths are resolved by main (the default against the workspace root). */
  readonly outDir: string | undefined;
  /** undefined: the registry's DEFAULT_DETECTOR. */
  readonly detector: string | undefined;
  readonly dataDir: string | undefined;
  readonly chromium: string;
}

export type PlotsCommand = { readonly kind: 'plots'; readonly options: PlotsOptions } | { readonly kind: 'help' };

export function parsePlotsArgs(args: readonly string[]): PlotsCommand {
  const values: { out?: string; detector?: string; data?: string; chromium?: string } = {};
  const flags: Record<string, keyof typeof values> = { '--out': 'out', '--detector': 'detector', '--data': 'data', '--chromium': 'chromium' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const key = flags[arg];
    if (key === undefined) throw new PlotsUsageError(`unknown argument "${arg}"\n${USAGE}`);
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new PlotsUsageError(`${arg} needs a value\n${USAGE}`);
    if (values[key] !== undefined) throw new PlotsUsageError(`${arg} given twice`);
    values[key] = value;
  }
  return { kind: 'plots', options: { outDir: values.out, detector: values.detector, dataDir: values.data, chromium: values.chromium ?? DEFAULT_CHROMIUM } };
}
