/**
 * Small rules of @trailpulse/event-schema's readers that its public API does not export, restated
 * so the NDJSON fast path counts and words rejections exactly as the readers do. The differential
 * tests (ndjson-facts.spec.ts) compare whole runs with the readers, so a drift fails there.
 */

/** The readers' default for the longest text buffered (read-records.ts DEFAULT_MAX_TEXT_BYTES). */
export const DEFAULT_MAX_TEXT_BYTES = 1_048_576;

/** describe.ts formatByteCount: 301,212. */
export function formatByteCount(bytes: number): string {
  return bytes.toLocaleString('en-US');
}

/** describe.ts errorMessage: the message of whatever was thrown. */
export function errorMessage(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}

/** describe.ts describeKind, for the too-large message of a value too deep to measure. */
export function describeKind(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `${typeof value} ${String(value)}`;
}

/** utf8.ts utf8ByteLength: UTF-8 length without encoding (lone surrogates count as the 3-byte U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** json-balance.ts endsInsideValue: whether a text ends inside a string or with brackets open (the reader's "truncated"). */
export function endsInsideValue(bytes: Uint8Array): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) depth++;
    else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return inString || depth > 0;
}
