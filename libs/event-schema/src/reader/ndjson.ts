/**
 * NDJSON: one JSON value per line (`\n` or `\r\n`), blank lines skipped. Lines are found with
 * `indexOf` (native, fast) and handed over as byte ranges; a bad line is that line's problem only,
 * the next line starts fresh. A line longer than the buffer limit is not kept: its bytes are counted
 * up to the next newline and it is reported as oversized.
 */
import { concatBytes, isJsonWhitespace, NEWLINE } from './json-bytes';
import { endsInsideValue } from './json-balance';
import { type TextSink, type TextSplitter } from './text-sink';

export class NdjsonSplitter implements TextSplitter {
  private line = 1;
  /** The start of the current line when it began in earlier chunks (empty once it overflowed). */
  private carried: Uint8Array[] = [];
  private carriedBytes = 0;
  private overflowed = false;

  constructor(
    private readonly sink: TextSink,
    private readonly maxTextBytes: number,
  ) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      this.finishLine(chunk.subarray(start, newline));
      this.line++;
      start = newline + 1;
    }
    if (start < chunk.byteLength) this.carry(chunk.subarray(start));
  }

  end(): void {
    if (this.carriedBytes === 0) return;
    const lastLine = this.overflowed ? undefined : concatBytes(this.carried, this.carriedBytes);
    if (lastLine !== undefined && endsInsideValue(lastLine)) {
      this.sink.malformed('truncated', `input ended inside the value at line ${this.line}`, this.line, undefined);
      return;
    }
    this.finishLine(new Uint8Array(0));
  }

  private carry(tail: Uint8Array): void {
    this.carriedBytes += tail.byteLength;
    if (this.overflowed) return;
    if (this.carriedBytes > this.maxTextBytes) {
      this.overflowed = true;
      this.carried = [];
    } else {
      this.carried.push(tail);
    }
  }

  private finishLine(rest: Uint8Array): void {
    const byteLength = this.carriedBytes + rest.byteLength;
    const overflowed = this.overflowed || byteLength > this.maxTextBytes;
    const bytes = overflowed || this.carriedBytes === 0 ? rest : concatBytes([...this.carried, rest], byteLength);
    this.carried = [];
    this.carriedBytes = 0;
    this.overflowed = false;
    if (overflowed) {
      this.sink.oversized(byteLength, this.line, undefined);
      return;
    }
    const text = trimWhitespace(bytes);
    if (text.byteLength > 0) this.sink.text(text, this.line, undefined, 'document');
  }
}

/** The line without surrounding whitespace (the `\r` of `\r\n` included): its size is the record's size. */
function trimWhitespace(bytes: Uint8Array): Uint8Array {
  let start = 0;
  let end = bytes.byteLength;
  while (start < end && isJsonWhitespace(bytes[start] ?? 0)) start++;
  while (end > start && isJsonWhitespace(bytes[end - 1] ?? 0)) end--;
  return start === 0 && end === bytes.byteLength ? bytes : bytes.subarray(start, end);
}
