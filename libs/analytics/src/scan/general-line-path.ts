/**
 * The general path for one NDJSON line, taken whenever the scanner does not decide: JSON.parse,
 * unwrap (the line may be an EventBridge envelope, a Records object, an array, a CloudWatch Logs
 * message), the too-large rule, judgeRecord. It restates what the readers' RecordCollector does
 * with a "document" text, record by record, so a line gives the same records, rejections and
 * sizes on both paths.
 */
import {
  type CloudTrailLikeRecord,
  describeKind,
  type DocumentSkipReason,
  errorMessage,
  formatByteCount,
  judgeRecord,
  type RejectReason,
  unwrap,
  type UnwrapSink,
  utf8ByteLength,
} from '@trailpulse/event-schema';

/** Where the general path puts what a line turned out to hold. */
export interface LineOutcomes {
  accepted(record: CloudTrailLikeRecord, eventTimeMs: number): void;
  rejected(reason: RejectReason, message: string): void;
  /** A document that holds no records (CloudWatch Logs control message, digest): not a record, not counted. */
  skipped(reason: DocumentSkipReason, message: string): void;
}

type Unwrapped =
  | { readonly kind: 'candidate'; readonly value: unknown }
  | { readonly kind: 'rejected'; readonly reason: RejectReason; readonly message: string }
  | { readonly kind: 'skipped'; readonly reason: DocumentSkipReason; readonly message: string };

export class GeneralLinePath implements UnwrapSink {
  private outcomes: LineOutcomes | undefined;
  private textBytes = 0;
  private readonly nested: Unwrapped[] = [];

  constructor(private readonly maxRecordBytes: number) {}

  /**
   * Judges the line `text` (trimmed; `byteLength` is its UTF-8 size) found at `line` (1-based,
   * for messages).
   */
  judge(text: string, byteLength: number, line: number, outcomes: LineOutcomes): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      outcomes.rejected('invalid-json', `invalid JSON at line ${line}: ${errorMessage(error)}`);
      return;
    }
    this.outcomes = outcomes;
    this.textBytes = byteLength;
    unwrap(value, this, 2);
    if (this.nested.length > 0) this.admitNested(outcomes);
    this.outcomes = undefined;
  }

  /** UnwrapSink: the line itself is judged at once, records taken out of it once all are known. */
  candidate(value: unknown, _path: string | undefined, nested: boolean): void {
    if (nested) this.nested.push({ kind: 'candidate', value });
    else if (this.outcomes !== undefined) this.admit(value, this.textBytes, this.outcomes);
  }

  rejected(reason: 'not-cloudtrail' | 'invalid-json', message: string): void {
    this.nested.push({ kind: 'rejected', reason, message });
  }

  skipped(reason: DocumentSkipReason, message: string): void {
    this.nested.push({ kind: 'skipped', reason, message });
  }

  /**
   * Records taken out of the line: measured by their share of the line when the line fits the
   * limit (then each of them fits too), else by their own compact JSON (record-collector.ts).
   */
  private admitNested(outcomes: LineOutcomes): void {
    const items = this.nested.splice(0);
    const candidates = items.filter((item) => item.kind === 'candidate').length;
    const containerTooLarge = this.textBytes > this.maxRecordBytes;
    const share = Math.max(1, Math.round(this.textBytes / Math.max(1, candidates)));
    for (const item of items) {
      if (item.kind === 'candidate') this.admit(item.value, containerTooLarge ? compactByteLength(item.value) : share, outcomes);
      else if (item.kind === 'rejected') outcomes.rejected(item.reason, item.message);
      else outcomes.skipped(item.reason, item.message);
    }
  }

  private admit(value: unknown, sizeBytes: number, outcomes: LineOutcomes): void {
    if (sizeBytes > this.maxRecordBytes) {
      const size = Number.isFinite(sizeBytes) ? `${formatByteCount(sizeBytes)} bytes` : `too deeply nested to measure (${describeKind(value)})`;
      outcomes.rejected('too-large', `record is ${size}; the limit is ${formatByteCount(this.maxRecordBytes)}`);
      return;
    }
    const verdict = judgeRecord(value);
    if (verdict.accepted) outcomes.accepted(verdict.record, verdict.eventTimeMs);
    else outcomes.rejected(verdict.reason, verdict.message);
  }
}

/** Compact JSON size; values too deeply nested for JSON.stringify count as infinitely large. */
function compactByteLength(value: unknown): number {
  try {
    return utf8ByteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
