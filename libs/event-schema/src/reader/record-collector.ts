/**
 * Turns the texts found by a splitter into accepted and rejected records, in batches.
 *
 * Record size (the spec's too-large rule, 256 KiB by default), measured as cheaply as correctness allows:
 * - a record whose own text was handed over (an NDJSON line, an array or Records element, a top-level
 *   value) is measured as the UTF-8 bytes of that text as it appears in the input;
 * - a record taken out of a larger value (an EventBridge `detail`, the Records of one NDJSON line, a
 *   CloudWatch Logs `message`, an array inside an array) is measured as the UTF-8 bytes of its compact
 *   `JSON.stringify` — but only when the containing text is over the limit. When the container fits, every
 *   record in it fits too, and its `sizeBytes` is its share of the container's bytes, so that the sizes of
 *   a source's records still add up to (about) the bytes read.
 * Texts are buffered up to `maxTextBytes` (at least the record limit) so that a container of many small
 * records can be read; a longer text is never buffered and is rejected as too-large unseen.
 */
import { judgeRecord, type RejectReason } from './accept';
import { describeKind, errorMessage, formatByteCount } from './describe';
import {
  type AcceptedRecord,
  type ReadBatch,
  type RecordLocation,
  type RejectedRecord,
  type SkippedInput,
} from './read-records';
import { type TextShape, type TextSink } from './text-sink';
import { type DocumentSkipReason, unwrap, type UnwrapSink } from './unwrap';
import { utf8ByteLength } from './utf8';

/** Records per batch: large enough to amortise the async hand-over, small enough to stay responsive. */
const BATCH_RECORDS = 1000;

export interface RecordLimits {
  readonly maxRecordBytes: number;
  readonly maxTextBytes: number;
}

type UnwrapItem =
  | { readonly kind: 'candidate'; readonly value: unknown; readonly path: string | undefined }
  | { readonly kind: 'rejected'; readonly reason: RejectReason; readonly message: string; readonly path: string | undefined }
  | { readonly kind: 'skipped'; readonly reason: DocumentSkipReason; readonly message: string; readonly path: string | undefined };

interface BatchContent {
  readonly accepted: AcceptedRecord[];
  readonly rejected: RejectedRecord[];
  readonly skipped: SkippedInput[];
}

export class RecordCollector implements TextSink, UnwrapSink {
  private current: BatchContent = emptyBatch();
  private readonly completed: BatchContent[] = [];
  /** Position of the next record among all records read from this source. */
  private ordinal = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /** The text being unwrapped, and what it unwrapped to when that is more than the text itself. */
  private textBytes = 0;
  private textLine = 0;
  private readonly items: UnwrapItem[] = [];

  constructor(
    private readonly source: string,
    private readonly limits: RecordLimits,
  ) {}

  text(bytes: Uint8Array, line: number, path: string | undefined, shape: TextShape): void {
    if (shape === 'record' && bytes.byteLength > this.limits.maxRecordBytes) {
      // An element of a Records array is a record, not a container: too large without a look inside.
      this.reject('too-large', this.tooLargeMessage(`${formatByteCount(bytes.byteLength)} bytes`), line, path);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(this.decoder.decode(bytes));
    } catch (error) {
      this.reject('invalid-json', `invalid JSON at ${where(line, path)}: ${errorMessage(error)}`, line, path);
      return;
    }
    this.textBytes = bytes.byteLength;
    this.textLine = line;
    if (shape === 'record') this.admit(value, path, this.textBytes);
    else unwrap(value, this, shape === 'array-element' ? 1 : 2, path);
    if (this.items.length > 0) this.admitItems();
  }

  oversized(byteLength: number, line: number, path: string | undefined): void {
    const { maxRecordBytes, maxTextBytes } = this.limits;
    // Over the buffer limit, the text was never parsed: it may have been a container of smaller records.
    const unread = maxTextBytes > maxRecordBytes ? ` (not read: over ${formatByteCount(maxTextBytes)}, the most read for one value)` : '';
    this.reject('too-large', `${this.tooLargeMessage(`${formatByteCount(byteLength)} bytes`)}${unread}`, line, path);
  }

  malformed(reason: 'invalid-json' | 'truncated', message: string, line: number, path: string | undefined): void {
    this.reject(reason, message, line, path);
  }

  /** UnwrapSink: the text itself is judged at once; records taken out of it wait until all are known. */
  candidate(value: unknown, path: string | undefined, nested: boolean): void {
    if (nested) this.items.push({ kind: 'candidate', value, path });
    else this.admit(value, path, this.textBytes);
  }

  rejected(reason: 'not-cloudtrail' | 'invalid-json', message: string, path: string | undefined): void {
    this.items.push({ kind: 'rejected', reason, message, path });
  }

  skipped(reason: DocumentSkipReason, message: string, path: string | undefined): void {
    this.items.push({ kind: 'skipped', reason, message, path });
  }

  /** The batches completed so far; the last one carries `endOfSource` when the source is done. */
  takeBatches(bytesRead: number, endOfSource: boolean): ReadBatch[] {
    const contents = this.completed.splice(0);
    const hasCurrent = this.current.accepted.length + this.current.rejected.length + this.current.skipped.length > 0;
    if (hasCurrent || contents.length === 0) {
      contents.push(this.current);
      this.current = emptyBatch();
    }
    return contents.map((content, i) => ({ ...content, bytesRead, endOfSource: endOfSource && i === contents.length - 1 }));
  }

  private admitItems(): void {
    const items = this.items.splice(0);
    const candidates = items.filter((item) => item.kind === 'candidate').length;
    const containerTooLarge = this.textBytes > this.limits.maxRecordBytes;
    const share = Math.max(1, Math.round(this.textBytes / Math.max(1, candidates)));
    for (const item of items) {
      if (item.kind === 'candidate') {
        this.admit(item.value, item.path, containerTooLarge ? compactByteLength(item.value) : share);
      } else if (item.kind === 'rejected') {
        this.reject(item.reason, item.message, this.textLine, item.path);
      } else {
        this.current.skipped.push({ reason: item.reason, message: item.message, location: this.locateDocument(this.textLine, item.path) });
      }
    }
  }

  private admit(value: unknown, path: string | undefined, sizeBytes: number): void {
    const line = this.textLine;
    if (sizeBytes > this.limits.maxRecordBytes) {
      const size = Number.isFinite(sizeBytes) ? `${formatByteCount(sizeBytes)} bytes` : `too deeply nested to measure (${describeKind(value)})`;
      this.reject('too-large', this.tooLargeMessage(size), line, path);
      return;
    }
    const verdict = judgeRecord(value);
    if (!verdict.accepted) {
      this.reject(verdict.reason, verdict.message, line, path);
      return;
    }
    this.current.accepted.push({
      record: verdict.record,
      eventTimeMs: verdict.eventTimeMs,
      sizeBytes,
      location: this.locateRecord(line, path),
    });
    this.rotateWhenFull();
  }

  private reject(reason: RejectReason, message: string, line: number, path: string | undefined): void {
    this.current.rejected.push({ reason, message, location: this.locateRecord(line, path) });
    this.rotateWhenFull();
  }

  private tooLargeMessage(size: string): string {
    return `record is ${size}; the limit is ${formatByteCount(this.limits.maxRecordBytes)}`;
  }

  /** Where a record is: its line, its position among the source's records, its path inside the text. */
  private locateRecord(line: number, path: string | undefined): RecordLocation {
    const index = this.ordinal++;
    return path === undefined ? { source: this.source, line, index } : { source: this.source, line, index, path };
  }

  /** Where a skipped document is: it is not a record, so it has no record index. */
  private locateDocument(line: number, path: string | undefined): RecordLocation {
    return path === undefined ? { source: this.source, line } : { source: this.source, line, path };
  }

  private rotateWhenFull(): void {
    if (this.current.accepted.length + this.current.rejected.length < BATCH_RECORDS) return;
    this.completed.push(this.current);
    this.current = emptyBatch();
  }
}

function emptyBatch(): BatchContent {
  return { accepted: [], rejected: [], skipped: [] };
}

function where(line: number, path: string | undefined): string {
  return path === undefined ? `line ${line}` : `line ${line} (${path})`;
}

/** Compact JSON size; values too deeply nested for JSON.stringify count as infinitely large. */
function compactByteLength(value: unknown): number {
  try {
    return utf8ByteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
