/** The sources a parsed command line asks for, ready to start; HTTP ingest is always one of them. */
import { DemoSource } from './demo/demo-source';
import { type SourcePlan } from './options/source-options';
import { PushSource, type PushSourceOptions } from './push/push-source';
import { ReplaySource } from './replay/replay-source';
import { type Scheduler, systemScheduler } from './scheduler';
import { type Source } from './source';
import { WatchSource } from './watch/watch-source';

/**
 * On its first start the demo also generates the last 15 minutes, so a new viewer sees charts with a
 * history (and the scripted incidents in it) at once instead of an empty dashboard filling up.
 */
export const DEMO_FIRST_START_HISTORY_SECONDS = 900;

export interface CreatedSources {
  /** Every source to run, HTTP ingest included. */
  readonly all: readonly Source[];
  /** Where the HTTP handler pushes ingested records. */
  readonly ingest: PushSource;
}

/** `ingest`: options of the HTTP ingest source (its journal, in the runtime). */
export function createSources(plan: SourcePlan, scheduler: Scheduler = systemScheduler, ingestOptions: Omit<PushSourceOptions, 'scheduler'> = {}): CreatedSources {
  const ingest = new PushSource({ ...ingestOptions, scheduler });
  const all: Source[] = [];
  if (plan.demo !== undefined) all.push(new DemoSource({ seed: plan.demo.seed, historySeconds: DEMO_FIRST_START_HISTORY_SECONDS, ...(plan.demo.eventsPerSecond === undefined ? {} : { eventsPerSecond: plan.demo.eventsPerSecond }), scheduler }));
  if (plan.replay !== undefined) all.push(new ReplaySource({ paths: plan.replay.paths, speed: plan.replay.speed, scheduler }));
  if (plan.watch !== undefined) all.push(new WatchSource({ dir: plan.watch.dir, pollIntervalMs: plan.watch.pollIntervalMs, scheduler }));
  all.push(ingest);
  return { all, ingest };
}
