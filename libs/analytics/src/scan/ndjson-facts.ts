/**
 * The fast NDJSON path: bytes of one NDJSON source in, facts straight into the engine, no JSON.parse
 * for the lines the scanner decides, and the `events` counts exactly as the readers keep them
 * (read, accepted, rejected by reason, accepted by eventType; too-large by the byte length of the
 * line). Lines the scanner does not decide take the general path, which is the readers' own logic.
 * When the full records are needed (custom metrics), the scanner still decides and gives the facts,
 * and each line it accepts is JSON.parsed for the record as well.
 *
 * Line handling follows the readers' NDJSON splitter: `\n` ends a line, whitespace around it (a CRLF's
 * `\r` included) is not part of the record, blank lines are not records, a line longer than the text
 * limit is rejected as too-large unread, a last line cut inside a value is "truncated", and a UTF-8
 * byte order mark is dropped at the start of the source.
 *
 * Why the bytes are decoded in pieces of at most 64 KiB: V8 allocates strings over ~128 KiB in its
 * large-object space, which makes decoding them ten to thirty times slower than decoding small
 * pieces (measured: ~4 GB/s at 64 KiB against ~150 MB/s at 1 MiB).
 */
import {
  type CloudTrailLikeRecord,
  concatBytes,
  createReadStats,
  DEFAULT_MAX_RECORD_BYTES,
  DEFAULT_MAX_TEXT_BYTES,
  type DocumentSkipReason,
  endsInsideValue,
  errorMessage,
  formatByteCount,
  type ReadStats,
  type RejectReason,
  utf8ByteLength,
} from '@trailpulse/event-schema';
import { type CallFacts, factsFromRecord } from '../facts/call-facts';
import { findControlByte, isPlainAscii } from './control-bytes';
import { GeneralLinePath, type LineOutcomes } from './general-line-path';
import { containsControlCharacter, isJsonWhitespace, LINE_FEED } from './json-chars';
import { asciiText } from './projected-strings';
import { CallFactsScanner } from './scan-call-facts';

/** What the reader feeds: the engine's fast entry point. */
export interface FactsConsumer {
  addFacts(facts: CallFacts, record: CloudTrailLikeRecord): void;
  /**
   * With `keepBytes`, instead of addFacts for each record the scanner decided: where its JSON text
   * (without surrounding whitespace) lies, `bytes[start, end)`. `bytes` is a chunk given to `push`,
   * or a copy of a line that spanned chunks.
   */
  addScanned?(facts: CallFacts, record: CloudTrailLikeRecord, bytes: Uint8Array, start: number, end: number): void;
}

/** A rejected line, for callers that report them (the counts are in `stats` either way). */
export interface NdjsonRejection {
  readonly reason: RejectReason;
  readonly message: string;
  /** 1-based line number, counted from the first byte this reader was given. */
  readonly line: number;
}

export interface NdjsonFactsOptions {
  /** Names the source in `stats.filesSkipped` (skipped documents). */
  readonly source: string;
  /** Largest record accepted (default 262,144 bytes, the spec's too-large limit). */
  readonly maxRecordBytes?: number;
  /** Longest line read at all (default 1 MiB, never less than maxRecordBytes), as the readers' maxTextBytes. */
  readonly maxTextBytes?: number;
  /**
   * The consumer needs every accepted record in full (custom metrics read any field): every accepted
   * line is then JSON.parsed for its record too; the scanner still decides and gives the facts.
   */
  readonly needsFullRecords?: boolean;
  /**
   * Tell the consumer where each scanned record's bytes are (`addScanned`): callers that keep records
   * for later (the local runtime's drill-down) keep the bytes they already hold and decode and parse
   * them when asked. Why not the text: a slice of the decoded piece keeps the whole 64 KiB piece alive,
   * and pieces kept for seconds are copied by every young-generation collection until they are old;
   * the bytes are outside the JavaScript heap. The consumer then holds on to the chunks given to
   * `push`, so they must not be reused.
   */
  readonly keepBytes?: boolean;
  /** False when the bytes start in the middle of a source (a byte range): no byte order mark is looked for. */
  readonly atSourceStart?: boolean;
  /** Running counts to add to (default: new). */
  readonly stats?: ReadStats;
  readonly onRejected?: (rejection: NdjsonRejection) => void;
}

/** Largest piece of bytes decoded into one string (see the module comment). */
const DECODE_PIECE_BYTES = 64 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export class NdjsonFactsReader implements LineOutcomes {
  readonly stats: ReadStats;
  private readonly maxRecordBytes: number;
  private readonly maxTextBytes: number;
  private readonly needsFullRecords: boolean;
  private readonly keepBytes: boolean;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly scanner = new CallFactsScanner();
  private readonly general: GeneralLinePath;

  /** The current line number (1-based). */
  private line = 1;
  /** Bytes of the current line that arrived in earlier chunks (dropped once the line is known to be too long). */
  private carried: Uint8Array[] = [];
  private carriedBytes = 0;
  private overflowed = false;
  /** Whether the start of the source is still to be checked for a byte order mark. */
  private bomPending: boolean;
  /** The line being judged on the general path, for rejection reports. */
  private judgedLine = 0;

  constructor(
    private readonly consumer: FactsConsumer,
    private readonly options: NdjsonFactsOptions,
  ) {
    this.stats = options.stats ?? createReadStats();
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.maxTextBytes = Math.max(this.maxRecordBytes, options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES);
    this.needsFullRecords = options.needsFullRecords === true;
    this.keepBytes = options.keepBytes === true;
    if (this.keepBytes && consumer.addScanned === undefined) throw new TypeError('keepBytes needs a consumer with addScanned');
    this.bomPending = options.atSourceStart !== false;
    this.general = new GeneralLinePath(this.maxRecordBytes);
  }

  /** Reads the next bytes of the source. Keeps no reference to `chunk`: callers may reuse its buffer (unless `keepBytes`). */
  push(chunk: Uint8Array): void {
    this.stats.bytesRead += chunk.byteLength;
    let bytes = chunk;
    if (this.bomPending) {
      // The mark is dropped only when the first three bytes of the source are it; they may come in several chunks.
      if (this.carriedBytes + bytes.byteLength < UTF8_BOM.length) {
        this.carry(bytes);
        return;
      }
      this.bomPending = false;
      if (this.carriedBytes > 0) {
        bytes = concatBytes([...this.carried, bytes], this.carriedBytes + bytes.byteLength);
        this.carried = [];
        this.carriedBytes = 0;
      }
      if (bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) bytes = bytes.subarray(UTF8_BOM.length);
    }
    let start = 0;
    if (this.carriedBytes > 0) {
      const lineEnd = bytes.indexOf(LINE_FEED);
      if (lineEnd === -1) {
        this.carry(bytes);
        return;
      }
      this.finishCarriedLine(bytes.subarray(0, lineEnd));
      start = lineEnd + 1;
    }
    const lastLineEnd = bytes.lastIndexOf(LINE_FEED);
    if (lastLineEnd >= start) {
      this.readLines(bytes, start, lastLineEnd + 1);
      start = lastLineEnd + 1;
    }
    if (start < bytes.byteLength) this.carry(bytes.subarray(start));
  }

  /** The source ended: judges a last line without a line feed, and counts the source as read. */
  end(): void {
    this.bomPending = false;
    if (this.carriedBytes > 0) {
      const lastLine = this.overflowed ? undefined : concatBytes(this.carried, this.carriedBytes);
      if (lastLine !== undefined && endsInsideValue(lastLine)) {
        this.carried = [];
        this.carriedBytes = 0;
        this.rejectLine('truncated', `input ended inside the value at line ${this.line}`);
      } else {
        this.finishCarriedLine(new Uint8Array(0));
      }
    }
    this.stats.filesRead++;
  }

  // LineOutcomes, for the general path.

  accepted(record: CloudTrailLikeRecord, eventTimeMs: number): void {
    this.accept(factsFromRecord(record, eventTimeMs), record);
  }

  rejected(reason: RejectReason, message: string): void {
    this.reject(reason, message, this.judgedLine);
  }

  skipped(reason: DocumentSkipReason): void {
    this.stats.filesSkipped.push({ path: this.options.source, reason });
  }

  private accept(facts: CallFacts, record: CloudTrailLikeRecord): void {
    this.count(facts);
    this.consumer.addFacts(facts, record);
  }

  private count(facts: CallFacts): void {
    const stats = this.stats;
    stats.accepted++;
    stats.read++;
    // facts.eventType is eventTypeKey(record), the key the readers count records by too.
    stats.byEventType[facts.eventType] = (stats.byEventType[facts.eventType] ?? 0) + 1;
  }

  private reject(reason: RejectReason, message: string, line: number): void {
    const stats = this.stats;
    stats.rejected++;
    stats.read++;
    stats.rejectReasons[reason] = (stats.rejectReasons[reason] ?? 0) + 1;
    this.options.onRejected?.({ reason, message, line });
  }

  private rejectLine(reason: RejectReason, message: string): void {
    this.reject(reason, message, this.line);
  }

  private carry(tail: Uint8Array): void {
    this.carriedBytes += tail.byteLength;
    if (this.overflowed) return;
    if (this.carriedBytes > this.maxTextBytes && !this.bomPending) {
      this.overflowed = true;
      this.carried = [];
      return;
    }
    this.carried.push(tail.slice());
  }

  /** Ends the line that began in earlier chunks with `rest` (its bytes in this chunk). */
  private finishCarriedLine(rest: Uint8Array): void {
    const byteLength = this.carriedBytes + rest.byteLength;
    const tooLong = this.overflowed || byteLength > this.maxTextBytes;
    const bytes = tooLong ? undefined : concatBytes([...this.carried, rest], byteLength);
    this.carried = [];
    this.carriedBytes = 0;
    this.overflowed = false;
    if (bytes === undefined) this.rejectOversized(byteLength);
    else this.readLineBytes(bytes, 0, bytes.byteLength);
    this.line++;
  }

  private rejectOversized(byteLength: number): void {
    const unread = this.maxTextBytes > this.maxRecordBytes ? ` (not read: over ${formatByteCount(this.maxTextBytes)}, the most read for one value)` : '';
    this.rejectLine('too-large', `record is ${formatByteCount(byteLength)} bytes; the limit is ${formatByteCount(this.maxRecordBytes)}${unread}`);
  }

  /** Reads the complete lines `bytes[from, to)` (`to` is just after a line feed) in pieces of at most DECODE_PIECE_BYTES. */
  private readLines(bytes: Uint8Array, from: number, to: number): void {
    let start = from;
    while (start < to) {
      let end = to;
      if (to - start > DECODE_PIECE_BYTES) {
        const lastLineEnd = bytes.lastIndexOf(LINE_FEED, start + DECODE_PIECE_BYTES - 1);
        if (lastLineEnd >= start) {
          end = lastLineEnd + 1;
        } else {
          // One line longer than a piece: it is read alone (or rejected unread when over the text limit).
          const lineEnd = bytes.indexOf(LINE_FEED, start + DECODE_PIECE_BYTES);
          if (lineEnd - start > this.maxTextBytes) {
            this.rejectOversized(lineEnd - start);
            this.line++;
            start = lineEnd + 1;
            continue;
          }
          end = lineEnd + 1;
        }
      }
      if (isPlainAscii(bytes, start, end)) this.readAsciiPiece(bytes, start, end);
      else this.readPiece(bytes, start, end);
      start = end;
    }
  }

  /**
   * Reads the complete lines `bytes[from, to)`, all ASCII with no raw control character but line
   * ends: each is scanned as bytes (no decoding) and only a line the scanner cannot decide is decoded
   * for the general path. Byte counts are exact here, and the rules are readDecodedLine's.
   */
  private readAsciiPiece(bytes: Uint8Array, from: number, to: number): void {
    let lineStart = from;
    while (lineStart < to) {
      const lineEnd = bytes.indexOf(LINE_FEED, lineStart);
      let first = lineStart;
      let last = lineEnd;
      if (last - first > this.maxTextBytes) {
        this.rejectOversized(last - first);
      } else {
        while (first < last && isJsonWhitespace(bytes[first] as number)) first++;
        while (last > first && isJsonWhitespace(bytes[last - 1] as number)) last--;
        if (first < last) this.readAsciiRecord(bytes, first, last);
      }
      this.line++;
      lineStart = lineEnd + 1;
    }
  }

  /** The record `bytes[start, end)` (trimmed, plain ASCII): scanned when the scanner can decide it, else judged on the general path. */
  private readAsciiRecord(bytes: Uint8Array, start: number, end: number): void {
    const byteLength = end - start;
    if (byteLength <= this.maxRecordBytes) {
      const verdict = this.scanner.scanBytesTrusted(bytes, start, end);
      if (verdict.kind === 'accepted') {
        this.acceptScanned(verdict.facts, this.needsFullRecords ? parseRecord(asciiText(bytes, start, end)) : verdict.record, bytes, start, end);
        return;
      }
      if (verdict.kind === 'rejected') {
        this.rejectLine(verdict.reason, verdict.message);
        return;
      }
    }
    this.judgedLine = this.line;
    this.general.judge(asciiText(bytes, start, end), byteLength, this.line, this);
  }

  /**
   * A record the scanner accepted, handed on as the options ask: `record` is the projection, or the
   * whole record with `needsFullRecords`; its JSON text is `bytes[start, end)` (known when keepBytes).
   */
  private acceptScanned(facts: CallFacts, record: CloudTrailLikeRecord, bytes: Uint8Array, start: number, end: number): void {
    if (this.keepBytes) {
      this.count(facts);
      this.consumer.addScanned?.(facts, record, bytes, start, end);
    } else {
      this.accept(facts, record);
    }
  }

  /** Decodes the complete lines `bytes[from, to)` at once and reads them. */
  private readPiece(bytes: Uint8Array, from: number, to: number): void {
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(from, to));
    } catch {
      // Invalid UTF-8 somewhere: each line is decoded on its own, so only the bad ones are rejected.
      this.readPieceLineByLine(bytes, from, to);
      return;
    }
    const ascii = text.length === to - from;
    const hasControlBytes = findControlByte(bytes, from, to) !== -1;
    let lineStart = 0;
    // Where the line is in `bytes`: a line feed is one byte in UTF-8 and never inside a longer
    // character, so the n-th line feed of the text is the n-th of the bytes.
    let byteLineStart = from;
    while (lineStart < text.length) {
      const lineEnd = text.indexOf('\n', lineStart);
      const byteLineEnd = ascii ? from + lineEnd : this.keepBytes ? bytes.indexOf(LINE_FEED, byteLineStart) : byteLineStart;
      this.readDecodedLine(text, lineStart, lineEnd, ascii, hasControlBytes, bytes, byteLineStart, byteLineEnd);
      this.line++;
      lineStart = lineEnd + 1;
      byteLineStart = byteLineEnd + 1;
    }
  }

  private readPieceLineByLine(bytes: Uint8Array, from: number, to: number): void {
    let lineStart = from;
    while (lineStart < to) {
      const lineEnd = bytes.indexOf(LINE_FEED, lineStart);
      this.readLineBytes(bytes, lineStart, lineEnd);
      this.line++;
      lineStart = lineEnd + 1;
    }
  }

  /** One line given as bytes (without its line feed): the slow but general way in. */
  private readLineBytes(bytes: Uint8Array, from: number, to: number): void {
    if (to - from > this.maxTextBytes) {
      this.rejectOversized(to - from);
      return;
    }
    let start = from;
    let end = to;
    while (start < end && isJsonWhitespace(bytes[start] as number)) start++;
    while (end > start && isJsonWhitespace(bytes[end - 1] as number)) end--;
    if (start === end) return;
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(start, end));
    } catch (error) {
      this.rejectLine('invalid-json', `invalid JSON at line ${this.line}: ${errorMessage(error)}`);
      return;
    }
    this.readTrimmedLine(text, 0, text.length, end - start, findControlByte(bytes, start, end) !== -1, bytes, start, end);
  }

  /**
   * One line of a decoded piece, `text[start, end)` without its line feed. Sizes in bytes are only
   * computed when the line is long enough for a limit to matter: in a piece that is all ASCII a
   * character is a byte, and otherwise a character is at most three bytes. The line's bytes are
   * `bytes[byteStart, byteEnd)` (only known when the piece is ASCII or `keepBytes` asked for them).
   */
  private readDecodedLine(text: string, start: number, end: number, ascii: boolean, hasControlBytes: boolean, bytes: Uint8Array, byteStart: number, byteEnd: number): void {
    if (end - start > this.maxTextBytes || (!ascii && (end - start) * 3 > this.maxTextBytes)) {
      const lineBytes = ascii ? end - start : utf8ByteLength(text.slice(start, end));
      if (lineBytes > this.maxTextBytes) {
        this.rejectOversized(lineBytes);
        return;
      }
    }
    let first = start;
    let last = end;
    while (first < last && isJsonWhitespace(text.charCodeAt(first))) first++;
    while (last > first && isJsonWhitespace(text.charCodeAt(last - 1))) last--;
    if (first === last) return;
    const chars = last - first;
    // Below a third of the limit the exact size cannot matter: the record fits whatever its characters are.
    const byteLength = ascii || chars * 3 <= this.maxRecordBytes ? chars : utf8ByteLength(text.slice(first, last));
    // Whitespace is ASCII: what was trimmed is as many bytes as characters.
    this.readTrimmedLine(text, first, last, byteLength, hasControlBytes, bytes, byteStart + (first - start), byteEnd - (end - last));
  }

  /**
   * The record text `text[start, end)`: scanned when the scanner can decide it, else judged on the
   * general path. `byteLength` is its UTF-8 size, or a lower bound when even three bytes per
   * character would fit the record limit (then only the too-large rule reads it, and it passes).
   * Its bytes are `bytes[byteStart, byteEnd)`, handed on with `keepBytes`.
   */
  private readTrimmedLine(text: string, start: number, end: number, byteLength: number, hasControlBytes: boolean, bytes: Uint8Array, byteStart: number, byteEnd: number): void {
    const scannable = byteLength <= this.maxRecordBytes && !(hasControlBytes && containsControlCharacter(text, start, end));
    if (scannable) {
      const verdict = this.scanner.scanTrusted(text, start, end);
      if (verdict.kind === 'accepted') {
        this.acceptScanned(verdict.facts, this.needsFullRecords ? parseRecord(text.slice(start, end)) : verdict.record, bytes, byteStart, byteEnd);
        return;
      }
      if (verdict.kind === 'rejected') {
        this.rejectLine(verdict.reason, verdict.message);
        return;
      }
    }
    this.judgedLine = this.line;
    this.general.judge(text.slice(start, end), byteLength, this.line, this);
  }
}

/**
 * The whole record of a text the scanner accepted: it vouches for the text being one valid record
 * object, so JSON.parse gives the very record the readers would (judgeRecord hands it on as it is).
 */
function parseRecord(text: string): CloudTrailLikeRecord {
  return JSON.parse(text) as CloudTrailLikeRecord;
}
