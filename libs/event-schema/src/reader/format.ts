/**
 * Which splitter reads a source: NDJSON lines or JSON document structure.
 *
 * By name first (`.ndjson`, `.jsonl`, optionally `.gz`), else by the first bytes: `[` is a JSON
 * document; `{` is NDJSON when the first line holds a complete value by itself and another value
 * follows on a later line, else a document (a pretty-printed object, or a one-line S3 log file
 * `{"Records":[...]}`, which is a single huge line). Anything else is read as NDJSON, so that every
 * line of a file that is not JSON is reported on its own rather than as one broken document.
 */
import { concatBytes, isJsonWhitespace, NEWLINE, OPEN_BRACE, OPEN_BRACKET } from './json-bytes';
import { scanBalance } from './json-balance';

export type InputFormat = 'ndjson' | 'json';
export type FormatOption = 'auto' | InputFormat;

/**
 * How many bytes sniffing may look at. A first value not closed by then is not an NDJSON line worth
 * the name; the document splitter reads concatenated values correctly anyway.
 */
export const SNIFF_LIMIT_BYTES = 64 * 1024;

const NDJSON_NAME = /\.(ndjson|jsonl)(\.gz)?$/i;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function formatFromName(name: string): InputFormat | undefined {
  return NDJSON_NAME.test(name) ? 'ndjson' : undefined;
}

/** Decides from the first bytes of a source; undefined means "need more bytes" (only when not `complete`). */
export function sniffFormat(head: Uint8Array, complete: true): InputFormat;
export function sniffFormat(head: Uint8Array, complete: boolean): InputFormat | undefined;
export function sniffFormat(head: Uint8Array, complete: boolean): InputFormat | undefined {
  const undecided = complete || head.byteLength >= SNIFF_LIMIT_BYTES ? 'json' : undefined;
  const first = skipWhitespace(head, 0);
  if (first === head.byteLength) return undecided;
  if (head[first] === OPEN_BRACKET) return 'json';
  if (head[first] !== OPEN_BRACE) return 'ndjson';
  const scan = scanBalance(head, first, true);
  if (scan.stop === 'line-break') return 'json';
  if (scan.stop === 'end-of-bytes') return undecided;
  const next = skipWhitespace(head, scan.end);
  if (next === head.byteLength) return undecided;
  return head.subarray(scan.end, next).includes(NEWLINE) ? 'ndjson' : 'json';
}

function skipWhitespace(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && isJsonWhitespace(bytes[i] ?? 0)) i++;
  return i;
}

/** The first chunks of a source, held until its format is known; the UTF-8 byte order mark is dropped. */
export interface SettledHead {
  readonly format: InputFormat;
  readonly chunks: readonly Uint8Array[];
}

/** Collects the head of a source until the format is decided (re-sniffing at doubling sizes: linear time). */
export class FormatDetector {
  private readonly chunks: Uint8Array[] = [];
  private byteLength = 0;
  private nextSniffAt = 0;

  constructor(
    private readonly option: FormatOption,
    private readonly name: string,
  ) {}

  push(chunk: Uint8Array): SettledHead | undefined {
    this.chunks.push(chunk);
    this.byteLength += chunk.byteLength;
    // The byte order mark check needs 3 bytes; sniffing is retried only once the head has doubled.
    if (this.byteLength < UTF8_BOM.length || (this.byteLength < this.nextSniffAt && this.byteLength < SNIFF_LIMIT_BYTES)) {
      return undefined;
    }
    this.nextSniffAt = this.byteLength * 2;
    const head = this.head();
    const format = this.option === 'auto' ? (formatFromName(this.name) ?? sniffFormat(head, false)) : this.option;
    return format === undefined ? undefined : { format, chunks: [head] };
  }

  /** The source ended before the format was decided: decide on what there is. */
  finish(): SettledHead {
    const head = this.head();
    const format = this.option === 'auto' ? (formatFromName(this.name) ?? sniffFormat(head, true)) : this.option;
    return { format, chunks: [head] };
  }

  private head(): Uint8Array {
    return withoutBom(concatBytes(this.chunks, this.byteLength));
  }
}

function withoutBom(head: Uint8Array): Uint8Array {
  return head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2] ? head.subarray(3) : head;
}
