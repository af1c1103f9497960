/**
 * Built-in demo traffic: a live, deterministic stream of realistic CloudTrail records for a
 * four-account organization, with scripted incidents every few minutes (incident-schedule.ts), so the
 * dashboard has something to show on first start.
 *
 * Each second of event time is one batch, handed over when that second is over on the injected clock
 * (event times are "now", so windows close live). Its seq is its epoch second and its records a pure
 * function of the seed and that second: a restart resumes after the last checkpointed second, and
 * regenerates identically any second merged but not yet checkpointed. After downtime the demo catches
 * up at most `maxCatchUpSeconds`; the seconds before that are skipped (nothing happened while it was off).
 */
import { isAborted, type Scheduler, systemScheduler } from '../scheduler';
import { type Source, type SourceBatch, type SourcePosition, type StartOptions } from '../source';
import { parseDemoPosition, type DemoPosition } from './demo-position';
import { demoSecond, type DemoTrafficConfig } from './demo-traffic';
import { DEFAULT_INCIDENT_PERIOD_MS, DEMO_INCIDENTS, MIN_INCIDENT_PERIOD_MS } from './incident-schedule';
import { hashText } from './random';
import { DEFAULT_DEMO_EVENTS_PER_SECOND, MAX_DEMO_EVENTS_PER_SECOND } from './rate';

export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_MAX_CATCH_UP_SECONDS = 60;

export interface DemoSourceOptions {
  /** A whole number, or any text (hashed). Default {@link DEFAULT_DEMO_SEED}. */
  readonly seed?: number | string;
  /** Default {@link DEFAULT_DEMO_EVENTS_PER_SECOND}; at most {@link MAX_DEMO_EVENTS_PER_SECOND}. */
  readonly eventsPerSecond?: number;
  /** Default {@link DEFAULT_INCIDENT_PERIOD_MS}. */
  readonly incidentPeriodMs?: number;
  /** Seconds of traffic generated at once on a first start (no checkpoint), so charts have a past. Default 0. */
  readonly historySeconds?: number;
  /** Default {@link DEFAULT_MAX_CATCH_UP_SECONDS}. */
  readonly maxCatchUpSeconds?: number;
  readonly scheduler?: Scheduler;
}

export class DemoOptionsError extends Error {
  override readonly name = 'DemoOptionsError';
}

export class DemoSource implements Source {
  readonly id: string;
  readonly config: DemoTrafficConfig;
  private current: DemoPosition | undefined;

  constructor(private readonly options: DemoSourceOptions = {}) {
    const seed = demoSeedNumber(options.seed ?? DEFAULT_DEMO_SEED);
    const eventsPerSecond = options.eventsPerSecond ?? DEFAULT_DEMO_EVENTS_PER_SECOND;
    if (!(eventsPerSecond > 0 && eventsPerSecond <= MAX_DEMO_EVENTS_PER_SECOND)) {
      throw new DemoOptionsError(`demo events per second must be above 0 and at most ${MAX_DEMO_EVENTS_PER_SECOND}, not ${eventsPerSecond}`);
    }
    const incidentPeriodMs = options.incidentPeriodMs ?? DEFAULT_INCIDENT_PERIOD_MS;
    if (!(incidentPeriodMs >= MIN_INCIDENT_PERIOD_MS)) throw new DemoOptionsError(`the demo incident period must be at least ${MIN_INCIDENT_PERIOD_MS} ms, not ${incidentPeriodMs}`);
    this.config = { seed, eventsPerSecond, incidentPeriodMs, incidents: DEMO_INCIDENTS };
    this.id = `demo:${seed}`;
  }

  position(): SourcePosition | undefined {
    return this.current;
  }

  async *start(options: StartOptions = {}): AsyncIterable<SourceBatch> {
    const { signal } = options;
    const scheduler = this.options.scheduler ?? systemScheduler;
    const maxCatchUp = this.options.maxCatchUpSeconds ?? DEFAULT_MAX_CATCH_UP_SECONDS;
    const from = options.from === undefined ? undefined : parseDemoPosition(this.id, options.from);
    if (from !== undefined) this.current = from;
    const nowSecond = Math.floor(scheduler.now() / 1000);
    let next = from === undefined ? nowSecond - (this.options.historySeconds ?? 0) : Math.max(from.lastSecond + 1, nowSecond - maxCatchUp);
    // The history asked for on a first start is generated in full; only later lags are cut short.
    const historyEnd = from === undefined ? nowSecond : next;
    while (!isAborted(signal)) {
      const waitMs = (next + 1) * 1000 - scheduler.now();
      if (waitMs > 0) await scheduler.sleep(waitMs, signal);
      if (isAborted(signal)) return;
      const behind = Math.floor(scheduler.now() / 1000) - 1 - next;
      if (behind > maxCatchUp && next >= historyEnd) next += behind - maxCatchUp;
      const position: DemoPosition = { kind: 'demo', lastSecond: next };
      this.current = position;
      yield { sourceId: this.id, seq: next, records: demoSecond(this.config, next), position };
      next++;
    }
  }
}

/** A seed as a 32-bit number: whole numbers as they are, anything else hashed. */
export function demoSeedNumber(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0) return seed >>> 0;
  const text = String(seed);
  return /^\d+$/.test(text) ? Number(text) >>> 0 : hashText(text);
}
