import { type RejectReason } from '@trailpulse/event-schema';

/** What the runtime has taken in since it started, for the console status line and `/health` logs. */
export class IngestStats {
  read = 0;
  accepted = 0;
  rejected = 0;
  batches = 0;
  readonly rejectReasons: Partial<Record<RejectReason, number>> = {};

  addRejected(reason: RejectReason, count = 1): void {
    this.rejected += count;
    this.read += count;
    this.rejectReasons[reason] = (this.rejectReasons[reason] ?? 0) + count;
  }

  addAccepted(count: number): void {
    this.accepted += count;
    this.read += count;
  }
}
