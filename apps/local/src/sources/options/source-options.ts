/**
 * The command-line choice of sources, checked: `--replay <paths...>` (with `--speed`), `--watch <dir>`,
 * `--no-demo`, `--demo-rate`, `--demo-seed`, `--watch-interval`. Demo traffic runs by default only when
 * no other source is given; `--demo` adds it to the others; `--no-demo` alone leaves HTTP ingest, which
 * the runtime always serves, as the only source. Input is what an argument parser such as
 * commander produces (`--no-demo` gives `demo: false`); paths are checked when the sources start.
 */
import { z } from 'zod';
import { MAX_DEMO_EVENTS_PER_SECOND } from '../demo/rate';
import { MAX_SPEED, parseReplaySpeed, type ReplaySpeed, ReplaySpeedError } from '../replay/replay-speed';
import { DEFAULT_WATCH_POLL_INTERVAL_MS } from '../watch/watch-source';

export class SourceOptionsError extends Error {
  override readonly name = 'SourceOptionsError';

  constructor(
    /** The option at fault, as written on the command line. */
    readonly option: string,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

const text = z.union([z.string(), z.number()]).transform(String);

export const SourceArgsSchema = z.object({
  replay: z.union([z.string(), z.array(z.string())]).optional(),
  speed: z.string().optional(),
  watch: z.string().optional(),
  watchInterval: text.optional(),
  /** true: `--demo`, false: `--no-demo`, absent: demo only when nothing else is given. */
  demo: z.boolean().optional(),
  demoRate: text.optional(),
  demoSeed: text.optional(),
});
export type SourceArgs = z.input<typeof SourceArgsSchema>;

export interface SourcePlan {
  readonly demo?: { readonly seed: string; readonly eventsPerSecond?: number };
  readonly replay?: { readonly paths: readonly string[]; readonly speed: ReplaySpeed };
  readonly watch?: { readonly dir: string; readonly pollIntervalMs: number };
}

/** @throws SourceOptionsError naming the option and what it accepts. */
export function parseSourceOptions(args: SourceArgs): SourcePlan {
  const parsed = SourceArgsSchema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = `--${String(issue?.path[0] ?? 'options').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new SourceOptionsError(option, `${option}: ${issue?.message ?? 'invalid'}`, { cause: parsed.error });
  }
  const options = parsed.data;
  const replayPaths = options.replay === undefined ? undefined : [options.replay].flat();
  if (replayPaths !== undefined) {
    if (replayPaths.length === 0 || replayPaths.some((p) => p.trim() === '')) throw new SourceOptionsError('--replay', '--replay takes one or more files or folders');
    if (replayPaths.includes('-')) {
      throw new SourceOptionsError('--replay', '--replay reads files and folders, not standard input (it must be able to resume); POST the records to /api/v1/events instead');
    }
  }
  if (options.speed !== undefined && replayPaths === undefined) throw new SourceOptionsError('--speed', '--speed paces --replay; give --replay <paths...> too');
  if (options.watch !== undefined && options.watch.trim() === '') throw new SourceOptionsError('--watch', '--watch takes a folder');
  if (options.watchInterval !== undefined && options.watch === undefined) throw new SourceOptionsError('--watch-interval', '--watch-interval applies to --watch; give --watch <dir> too');
  const otherSource = replayPaths !== undefined || options.watch !== undefined;
  const demo = options.demo ?? !otherSource;
  if (!demo && (options.demoRate !== undefined || options.demoSeed !== undefined)) {
    throw new SourceOptionsError(options.demoRate === undefined ? '--demo-seed' : '--demo-rate', 'demo options need the demo: drop --no-demo or add --demo');
  }
  return {
    ...(demo ? { demo: { seed: options.demoSeed ?? '1', ...(options.demoRate === undefined ? {} : { eventsPerSecond: parseDemoRate(options.demoRate) }) } } : {}),
    ...(replayPaths === undefined ? {} : { replay: { paths: replayPaths, speed: options.speed === undefined ? MAX_SPEED : parseSpeed(options.speed) } }),
    ...(options.watch === undefined ? {} : { watch: { dir: options.watch, pollIntervalMs: options.watchInterval === undefined ? DEFAULT_WATCH_POLL_INTERVAL_MS : parseInterval(options.watchInterval) } }),
  };
}

function parseSpeed(value: string): ReplaySpeed {
  try {
    return parseReplaySpeed(value);
  } catch (error) {
    if (error instanceof ReplaySpeedError) throw new SourceOptionsError('--speed', error.message, { cause: error });
    throw error;
  }
}

function parseDemoRate(value: string): number {
  const rate = Number(value);
  if (value.trim() === '' || !(rate > 0) || rate > MAX_DEMO_EVENTS_PER_SECOND) {
    throw new SourceOptionsError('--demo-rate', `--demo-rate takes events per second above 0 and at most ${MAX_DEMO_EVENTS_PER_SECOND}, not "${value}"`);
  }
  return rate;
}

const INTERVAL = /^(\d+(?:\.\d+)?)(ms|s)$/;

function parseInterval(value: string): number {
  const match = INTERVAL.exec(value.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  if (!(ms >= 100 && ms <= 3_600_000)) throw new SourceOptionsError('--watch-interval', `--watch-interval takes a duration from 100ms to 3600s such as 2s or 500ms, not "${value}"`);
  return ms;
}
