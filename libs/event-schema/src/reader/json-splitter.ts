/**
 * A structural scanner over the bytes of a JSON document stream. It never parses values: it finds
 * where each text that will be parsed begins and ends, so that memory is per record, not per file.
 *
 * Texts handed to the sink:
 * - each top-level value of a stream of concatenated or whitespace-separated values;
 * - instead of a top-level array, each of its elements;
 * - instead of a top-level object with a `"Records"` key whose value is an array (S3 delivery, possibly
 *   gigabytes on one line), each element of that array. The object's other keys are skipped; whatever
 *   of the object was buffered before the key is dropped.
 *
 * Strings and escapes are tracked (a `]` or `"` inside a string is not structure), newlines are counted
 * for line numbers. The scan is iterative, so nesting depth costs nothing but a counter. A text longer
 * than `maxTextBytes` is not buffered past the limit: its bytes are only counted until it ends, then it
 * is reported as oversized. Broken structure around the texts (a stray `]`, a missing `,` between
 * elements) or input that ends inside a value is reported once, and the source is not read further:
 * there is no reliable way to resynchronise inside a JSON document.
 */
import {
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  concatBytes,
  describeByte,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
  BACKSLASH,
} from './json-bytes';
import { type TextShape, type TextSink, type TextSplitter } from './text-sink';

/** What the current top-level value is. */
const TOP_NONE = 0;
const TOP_ARRAY = 1;
const TOP_OBJECT = 2;

/** What kind of text is being collected, which decides where it ends. */
const UNIT_NONE = 0;
const UNIT_CONTAINER = 1;
const UNIT_STRING = 2;
const UNIT_SCALAR = 3;

/** Position between the elements of a streamed array. */
const EXPECT_FIRST_ELEMENT = 0;
const EXPECT_ELEMENT = 1;
const EXPECT_SEPARATOR = 2;

/** Keys of a top-level object, watched for "Records". */
const KEY_EXPECTED = 0;
const IN_KEY = 1;
const AFTER_RECORDS_KEY = 2;
const RECORDS_VALUE_EXPECTED = 3;
const NOT_RECORDS = 4;

/** Byte classes for the hot loop: one table load instead of a chain of comparisons per byte. */
const KIND_OTHER = 0;
const KIND_QUOTE = 1;
const KIND_BACKSLASH = 2;
const KIND_OPEN = 3;
const KIND_CLOSE = 4;
const KIND_NEWLINE = 5;
const BYTE_KIND = byteKinds([
  [QUOTE, KIND_QUOTE],
  [OPEN_BRACE, KIND_OPEN],
  [OPEN_BRACKET, KIND_OPEN],
  [CLOSE_BRACE, KIND_CLOSE],
  [CLOSE_BRACKET, KIND_CLOSE],
  [NEWLINE, KIND_NEWLINE],
]);
const IN_STRING_KIND = byteKinds([
  [QUOTE, KIND_QUOTE],
  [BACKSLASH, KIND_BACKSLASH],
]);

const RECORDS_KEY = new TextEncoder().encode('Records');
const EMPTY = new Uint8Array(0);

export class JsonSplitter implements TextSplitter {
  private line = 1;
  private depth = 0;
  private inString = false;
  /** The next byte is escaped: the previous chunk ended inside a string on an odd run of backslashes. */
  private escaped = false;
  private stopped = false;

  private top = TOP_NONE;
  private topLine = 0;

  /** Depth of the array whose elements are handed over one by one (1: top-level array, 2: Records), or 0. */
  private streamDepth = 0;
  private streamState = EXPECT_FIRST_ELEMENT;
  private elementIndex = 0;

  private keyState = NOT_RECORDS;
  private keyMatched = 0;
  private keyMismatch = false;

  private unit = UNIT_NONE;
  /** The depth the collected text sits at: it ends when the depth returns there. */
  private unitBase = 0;
  private unitShape: TextShape = 'document';
  private unitLine = 0;
  /** Where the text starts in the current chunk (0 when it began in an earlier one). */
  private unitStart = 0;
  private unitParts: Uint8Array[] = [];
  private unitEarlierBytes = 0;
  private unitOverflowed = false;

  private chunk: Uint8Array = EMPTY;

  constructor(
    private readonly sink: TextSink,
    private readonly maxTextBytes: number,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    // A plain view: one element type at every access (Node hands over Buffers, the head is a Uint8Array).
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.chunk = bytes;
    const length = bytes.byteLength;
    let i = 0;
    while (i < length && !this.stopped) {
      if (this.inString) {
        i = this.scanString(bytes, i);
        continue;
      }
      if (this.depth > this.structuralDepth()) {
        i = this.skipInsideValue(bytes, i);
        if (i === length) break;
      }
      const byte = bytes[i] as number;
      if (this.unit === UNIT_SCALAR) {
        if (!isScalarDelimiter(byte)) {
          i++;
          continue;
        }
        this.endUnit(i);
      }
      switch (byte) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1 && this.top === TOP_OBJECT && this.keyState === KEY_EXPECTED) {
            this.keyState = IN_KEY;
            this.keyMatched = 0;
            this.keyMismatch = false;
          } else {
            this.valueStarts(i, UNIT_STRING, byte);
          }
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          this.valueStarts(i, UNIT_CONTAINER, byte);
          this.depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.closes(i, byte);
          break;
        case COMMA:
          this.separator(byte);
          break;
        case COLON:
          this.colon(byte);
          break;
        case NEWLINE:
          this.line++;
          break;
        case SPACE:
        case TAB:
        case CARRIAGE_RETURN:
          break;
        default:
          this.valueStarts(i, UNIT_SCALAR, byte);
      }
      i++;
    }
    this.keepUnitTail(bytes);
  }

  end(): void {
    if (this.stopped) return;
    if (this.unit === UNIT_SCALAR && this.unitBase === 0) {
      // A top-level number or literal is complete at the end of input.
      this.chunk = EMPTY;
      this.endUnit(0);
    }
    if (this.unit !== UNIT_NONE) {
      this.stop('truncated', `input ended at line ${this.line} inside the value that starts at line ${this.unitLine}`, this.unitLine, this.unitPath());
    } else if (this.depth > 0 || this.inString) {
      const kind = this.top === TOP_ARRAY ? 'array' : 'object';
      this.stop('truncated', `input ended at line ${this.line} inside the top-level ${kind} that starts at line ${this.topLine}`, this.topLine, undefined);
    }
  }

  private scanString(bytes: Uint8Array, from: number): number {
    if (this.escaped) {
      this.escaped = false;
      return from + 1;
    }
    if (this.keyState === IN_KEY) return this.scanKeyByte(bytes[from] as number, from);
    const length = bytes.byteLength;
    for (let i = from; i < length; i++) {
      const byte = bytes[i];
      if (byte === BACKSLASH) {
        if (i + 1 === length) this.escaped = true;
        i++;
      } else if (byte === QUOTE) {
        this.inString = false;
        if (this.unit === UNIT_STRING && this.depth === this.unitBase) this.endUnit(i + 1);
        return i + 1;
      }
    }
    return length;
  }

  /**
   * The deepest level whose bytes matter here: inside a text being collected (an element), none of its
   * own content; inside a top-level object outside a Records stream, its keys at depth 1. Deeper than
   * that, the fast loop below only has to follow strings and brackets.
   */
  private structuralDepth(): number {
    if (this.unit === UNIT_CONTAINER && this.unitBase > 0) return this.unitBase;
    if (this.top === TOP_OBJECT && this.streamDepth === 0) return 1;
    return Number.POSITIVE_INFINITY;
  }

  /**
   * The hot loop: skips string contents and nested brackets until the bracket that returns to the
   * structural depth (returned unconsumed, for the general path to handle) or the end of the chunk.
   */
  private skipInsideValue(bytes: Uint8Array, from: number): number {
    const closingDepth = this.structuralDepth() + 1;
    const length = bytes.length;
    let depth = this.depth;
    let line = this.line;
    let i = from;
    while (i < length) {
      const kind = BYTE_KIND[bytes[i] as number];
      if (kind === KIND_OTHER) {
        i++;
        continue;
      }
      if (kind === KIND_QUOTE) {
        // The string is skipped here rather than in a helper: this is where most of the bytes are.
        for (i++; ; ) {
          if (i >= length) {
            // The string goes on in the next chunk; an escape cut by the chunk end leaves its escaped byte there.
            this.inString = true;
            this.escaped = i > length;
            this.depth = depth;
            this.line = line;
            return length;
          }
          const inString = IN_STRING_KIND[bytes[i] as number];
          if (inString === KIND_OTHER) i++;
          else if (inString === KIND_QUOTE) break;
          else i += 2;
        }
      } else if (kind === KIND_OPEN) {
        depth++;
      } else if (kind === KIND_CLOSE) {
        if (depth === closingDepth) break;
        depth--;
      } else {
        line++;
      }
      i++;
    }
    this.depth = depth;
    this.line = line;
    return i;
  }

  /** Keys of the top-level object are matched byte by byte against "Records" (they are short). */
  private scanKeyByte(byte: number, at: number): number {
    if (byte === QUOTE) {
      this.inString = false;
      this.keyState = !this.keyMismatch && this.keyMatched === RECORDS_KEY.byteLength ? AFTER_RECORDS_KEY : NOT_RECORDS;
    } else if (byte === BACKSLASH) {
      // An escaped key is not taken for "Records"; the rest of it is scanned as any string.
      this.keyState = NOT_RECORDS;
      this.escaped = true;
    } else if (this.keyMatched < RECORDS_KEY.byteLength && byte === RECORDS_KEY[this.keyMatched]) {
      this.keyMatched++;
    } else {
      this.keyMismatch = true;
    }
    return at + 1;
  }

  /** A value (string, container or scalar) starts at `at`, at the current depth. */
  private valueStarts(at: number, kind: number, byte: number): void {
    const depth = this.depth;
    if (depth === 0) {
      this.topLevelValueStarts(at, kind, byte);
    } else if (depth === this.streamDepth && this.unit === UNIT_NONE) {
      if (this.streamState === EXPECT_SEPARATOR) {
        this.fail(`expected ',' or ']' after element ${this.elementIndex - 1}, found ${describeByte(byte)}`);
        return;
      }
      this.startUnit(at, kind, depth, depth === 1 ? 'array-element' : 'record');
    } else if (depth === 1 && this.top === TOP_OBJECT) {
      if (this.keyState === RECORDS_VALUE_EXPECTED && byte === OPEN_BRACKET) this.streamRecords();
      else this.keyState = NOT_RECORDS;
    }
  }

  private topLevelValueStarts(at: number, kind: number, byte: number): void {
    this.topLine = this.line;
    if (byte === OPEN_BRACKET) {
      this.top = TOP_ARRAY;
      this.startStream(1);
    } else if (byte === OPEN_BRACE) {
      this.top = TOP_OBJECT;
      this.keyState = KEY_EXPECTED;
      this.startUnit(at, kind, 0, 'document');
    } else if (kind === UNIT_SCALAR && !isScalarStart(byte)) {
      this.fail(`unexpected ${describeByte(byte)}`);
    } else {
      this.startUnit(at, kind, 0, 'document');
    }
  }

  /** The value of the top-level object's "Records" key is an array: hand over its elements instead. */
  private streamRecords(): void {
    this.dropUnit();
    this.keyState = NOT_RECORDS;
    this.startStream(2);
  }

  private startStream(depth: number): void {
    this.streamDepth = depth;
    this.streamState = EXPECT_FIRST_ELEMENT;
    this.elementIndex = 0;
  }

  private closes(at: number, byte: number): void {
    const depth = this.depth;
    if (depth === 0) {
      this.fail(`unexpected ${describeByte(byte)}`);
      return;
    }
    if (this.unit === UNIT_CONTAINER && depth - 1 === this.unitBase) {
      if (depth === 1 && byte !== CLOSE_BRACE) {
        this.fail(`the object that starts at line ${this.topLine} is closed by ${describeByte(byte)}`);
        return;
      }
      this.depth = depth - 1;
      this.endUnit(at + 1);
      if (depth === 1) this.top = TOP_NONE;
      return;
    }
    if (depth === this.streamDepth && this.unit === UNIT_NONE) {
      if (byte !== CLOSE_BRACKET) {
        this.fail(`the array that starts at line ${this.topLine} is closed by ${describeByte(byte)}`);
        return;
      }
      if (this.streamState === EXPECT_ELEMENT) {
        this.fail(`trailing ',' after element ${this.elementIndex - 1}`);
        return;
      }
      this.streamDepth = 0;
      if (depth === 1) this.top = TOP_NONE;
    } else if (depth === 1 && this.top === TOP_OBJECT) {
      // The top-level object whose Records were streamed (its own text was dropped).
      if (byte !== CLOSE_BRACE) {
        this.fail(`the object that starts at line ${this.topLine} is closed by ${describeByte(byte)}`);
        return;
      }
      this.top = TOP_NONE;
    }
    this.depth = depth - 1;
  }

  private separator(byte: number): void {
    const depth = this.depth;
    if (depth === 0) {
      this.fail(`unexpected ${describeByte(byte)}`);
    } else if (depth === this.streamDepth && this.unit === UNIT_NONE) {
      if (this.streamState !== EXPECT_SEPARATOR) this.fail(`unexpected ',' before element ${this.elementIndex}`);
      else this.streamState = EXPECT_ELEMENT;
    } else if (depth === 1 && this.top === TOP_OBJECT) {
      this.keyState = KEY_EXPECTED;
    }
  }

  private colon(byte: number): void {
    const depth = this.depth;
    if (depth === 0 || (depth === this.streamDepth && this.unit === UNIT_NONE)) {
      this.fail(`unexpected ${describeByte(byte)}`);
    } else if (depth === 1 && this.top === TOP_OBJECT) {
      this.keyState = this.keyState === AFTER_RECORDS_KEY ? RECORDS_VALUE_EXPECTED : NOT_RECORDS;
    }
  }

  private startUnit(at: number, kind: number, base: number, shape: TextShape): void {
    this.unit = kind;
    this.unitBase = base;
    this.unitShape = shape;
    this.unitLine = this.line;
    this.unitStart = at;
  }

  /** The text ends before `end` in the current chunk: hand it over, or report it oversized. */
  private endUnit(end: number): void {
    const byteLength = this.unitEarlierBytes + (end - this.unitStart);
    const path = this.unitPath();
    if (this.unitOverflowed || byteLength > this.maxTextBytes) {
      this.sink.oversized(byteLength, this.unitLine, path);
    } else {
      const tail = this.chunk.subarray(this.unitStart, end);
      const bytes = this.unitParts.length === 0 ? tail : concatBytes([...this.unitParts, tail], byteLength);
      this.sink.text(bytes, this.unitLine, path, this.unitShape);
    }
    if (this.streamDepth > 0 && this.unitBase === this.streamDepth) {
      this.streamState = EXPECT_SEPARATOR;
      this.elementIndex++;
    }
    this.dropUnit();
  }

  private unitPath(): string | undefined {
    if (this.unitBase === 0) return undefined;
    return this.unitBase === 1 ? `[${this.elementIndex}]` : `Records[${this.elementIndex}]`;
  }

  /** At the end of a chunk, the part of an unfinished text in it is kept (up to the limit). */
  private keepUnitTail(chunk: Uint8Array): void {
    if (this.unit === UNIT_NONE) return;
    const tail = chunk.subarray(this.unitStart);
    this.unitEarlierBytes += tail.byteLength;
    this.unitStart = 0;
    if (this.unitOverflowed) return;
    if (this.unitEarlierBytes > this.maxTextBytes) {
      this.unitOverflowed = true;
      this.unitParts = [];
    } else {
      this.unitParts.push(tail);
    }
  }

  private dropUnit(): void {
    this.unit = UNIT_NONE;
    this.unitParts = [];
    this.unitEarlierBytes = 0;
    this.unitOverflowed = false;
  }

  private fail(detail: string): void {
    this.stop('invalid-json', `invalid JSON at line ${this.line}: ${detail}`, this.line, undefined);
  }

  private stop(reason: 'invalid-json' | 'truncated', message: string, line: number, path: string | undefined): void {
    this.sink.malformed(reason, message, line, path);
    this.stopped = true;
    this.dropUnit();
  }
}

function byteKinds(kinds: readonly (readonly [number, number])[]): Uint8Array {
  const table = new Uint8Array(256).fill(KIND_OTHER);
  for (const [byte, kind] of kinds) table[byte] = kind;
  return table;
}

/** Bytes that end a number or literal (true, false, null). */
function isScalarDelimiter(byte: number): boolean {
  return (
    byte === COMMA ||
    byte === CLOSE_BRACKET ||
    byte === CLOSE_BRACE ||
    byte === SPACE ||
    byte === NEWLINE ||
    byte === CARRIAGE_RETURN ||
    byte === TAB ||
    byte === COLON ||
    byte === QUOTE ||
    byte === OPEN_BRACE ||
    byte === OPEN_BRACKET
  );
}

/** A top-level value can only start like a JSON number or literal; anything else cannot be resynchronised. */
function isScalarStart(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x74 || byte === 0x66 || byte === 0x6e;
}
