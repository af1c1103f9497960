/**
 * A scheduler on virtual time for tests: `sleep(ms)` moves the clock forward by `ms` at once and
 * records the wait, so a source paced in hours runs in milliseconds and its waits can be asserted.
 * Sequential by design: meant for one sleeping source at a time (concurrent sleepers each move the
 * clock by their own wait). `beforeWake` runs inside every sleep, after the clock moved and before the
 * sleeper wakes up: the place for a test to change the world between two polls.
 */
import { type Scheduler } from '../scheduler';

export interface VirtualSchedulerOptions {
  readonly startMs: number;
  readonly beforeWake?: (nowMs: number, sleepIndex: number) => Promise<void> | void;
}

export class VirtualScheduler implements Scheduler {
  private currentMs: number;
  /** Every wait asked for, in order (aborted ones included, with the time asked). */
  readonly sleeps: number[] = [];

  constructor(private readonly options: VirtualSchedulerOptions) {
    this.currentMs = options.startMs;
  }

  now(): number {
    return this.currentMs;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted === true) return;
    this.currentMs += Math.max(0, ms);
    await this.options.beforeWake?.(this.currentMs, this.sleeps.length - 1);
  }
}
