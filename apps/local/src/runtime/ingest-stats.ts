import { type RejectReason } from '@trailpulse/event-schema';

/** What the runtime has taken in since it started, for the console status line and `/health` logs. */
export class IngestStats {
  read = 0;
  accepted = 0;
  rejected = 0;
  batches = 0;
  /**
   * Accepted records in every row (the bulk write-behind merged them too): queries filtered by
   * account or region, and 60 s and 3600 s windows, hold them. `accepted` counts them once they are
   * in the live rows, up to a few seconds earlier (batch-pipeline.ts).
   */
  settled = 0;
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
