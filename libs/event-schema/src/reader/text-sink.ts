/**
 * What the splitters (NDJSON lines, JSON document structure) hand over: the bytes of one JSON text,
 * never parsed by them, with where it was found.
 *
 * - `document`: a whole top-level value or NDJSON line; it may be any delivery format (array, Records
 *   object, envelope, CloudWatch Logs message) and is unwrapped.
 * - `array-element`: an element of a streamed top-level array; unwrapped, one array level left.
 * - `record`: an element of a streamed `Records` array; it is a candidate record as it is.
 */
export type TextShape = 'document' | 'array-element' | 'record';

export interface TextSink {
  text(bytes: Uint8Array, line: number, path: string | undefined, shape: TextShape): void;
  /** A text longer than the buffer limit: its bytes were skipped, only counted. */
  oversized(byteLength: number, line: number, path: string | undefined): void;
  /** The input cannot be split further (broken structure, or it ended inside a value). */
  malformed(reason: 'invalid-json' | 'truncated', message: string, line: number, path: string | undefined): void;
}

/** The two splitters share this shape: bytes in, texts out to a TextSink. */
export interface TextSplitter {
  push(chunk: Uint8Array): void;
  end(): void;
}
