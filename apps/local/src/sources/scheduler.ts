/**
 * Time for the sources: every `now()` and every wait goes through a Scheduler, so tests run in virtual
 * time (testing/virtual-scheduler.ts) and the runtime on the system clock.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Scheduler extends Clock {
  /**
   * Waits `ms` milliseconds, or less when `signal` aborts: it then resolves early instead of throwing,
   * so a source's loop ends by checking `signal.aborted` rather than through exception handling.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted === true || ms <= 0) {
        resolve();
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** Whether shutdown was asked for (a function, so TypeScript does not narrow `aborted` across awaits). */
export function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
