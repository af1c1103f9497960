import { InjectionToken } from '@angular/core';

/** An opaque handle of a scheduled callback. */
export type TimerHandle = unknown;

/**
 * The clock and timers of everything that waits: live reconnects, polling, relative time ranges.
 * Injected so that tests drive time by hand (testing/fake-scheduler.ts) instead of sleeping.
 */
export interface Scheduler {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const browserScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export const SCHEDULER = new InjectionToken<Scheduler>('SCHEDULER', { providedIn: 'root', factory: () => browserScheduler });
