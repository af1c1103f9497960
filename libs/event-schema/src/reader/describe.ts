/** Longest excerpt of a string quoted in a message: enough to recognise it, short enough for a log line. */
const MAX_EXCERPT_CHARS = 60;

/**
 * A value as it appears in a message: strings quoted (cut short when long), other scalars as JSON,
 * objects and arrays by kind only (their text can be huge or too deeply nested to stringify).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const excerpt = value.length > MAX_EXCERPT_CHARS ? `${value.slice(0, MAX_EXCERPT_CHARS)}…` : value;
    return JSON.stringify(excerpt);
  }
  return describeKind(value);
}

/** "null", "an array", "an object", or the scalar itself: what a rejected value turned out to be. */
export function describeKind(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `${typeof value} ${String(value)}`;
}

/** Byte counts in messages, grouped for reading: 301,212. */
export function formatByteCount(bytes: number): string {
  return bytes.toLocaleString('en-US');
}

/** The message of a caught error, whatever was thrown (errors from another realm are not `instanceof Error`). */
export function errorMessage(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
