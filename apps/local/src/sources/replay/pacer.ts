/**
 * Paces a replay on event time: the first batch goes out at once, and each later one when the clock has
 * advanced by its event-time distance from the first, divided by the speed factor. Scheduling against the
 * start (not batch to batch) keeps the replay from drifting when handing batches over takes time.
 * Event time is the running maximum, so a record older than one already replayed goes out without a
 * wait (CloudTrail files are roughly, not strictly, ordered; the engine files late records into their
 * own window).
 */
import { type Scheduler } from '../scheduler';
import { type ReplaySpeed } from './replay-speed';

export class Pacer {
  private origin: { readonly clockMs: number; readonly eventMs: number } | undefined;
  private maxEventMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly speed: ReplaySpeed,
    private readonly scheduler: Scheduler,
  ) {}

  /** Waits until a batch whose latest eventTime is `eventTimeMs` is due (no wait for a batch without records). */
  async waitFor(eventTimeMs: number | undefined, signal?: AbortSignal): Promise<void> {
    if (this.speed.kind === 'max' || eventTimeMs === undefined) return;
    this.maxEventMs = Math.max(this.maxEventMs, eventTimeMs);
    if (this.origin === undefined) {
      this.origin = { clockMs: this.scheduler.now(), eventMs: this.maxEventMs };
      return;
    }
    const dueMs = this.origin.clockMs + (this.maxEventMs - this.origin.eventMs) / this.speed.factor;
    const waitMs = dueMs - this.scheduler.now();
    if (waitMs > 0) await this.scheduler.sleep(waitMs, signal);
  }
}
