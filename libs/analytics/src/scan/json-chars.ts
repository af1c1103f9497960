/**
 * UTF-16 code units of the JSON syntax the scanner compares against (all ASCII).
 *
 * Kept apart from @trailpulse/event-schema's reader/json-bytes.ts on purpose, though some values and
 * isJsonWhitespace read alike: those are UTF-8 *byte* values for the readers' scans over Uint8Array,
 * these are *code units* for the scanner's charCodeAt loops over decoded text (the fast path decodes
 * 64 KiB pieces and scans strings, see ndjson-facts.ts; the scanner is measured at ~2x JSON.parse).
 * They agree only because JSON's syntax is ASCII; the scanner needs some 30 code units the readers
 * never look at, and a byte vocabulary in event-schema's public API is no place for them.
 */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const SLASH = 0x2f;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const MINUS = 0x2d;
export const PLUS = 0x2b;
export const DOT = 0x2e;
export const DIGIT_0 = 0x30;
export const DIGIT_1 = 0x31;
export const DIGIT_9 = 0x39;
export const SPACE = 0x20;
export const TAB = 0x09;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
export const LOWER_A = 0x61;
export const LOWER_B = 0x62;
export const LOWER_E = 0x65;
export const LOWER_F = 0x66;
export const LOWER_L = 0x6c;
export const LOWER_N = 0x6e;
export const LOWER_R = 0x72;
export const LOWER_S = 0x73;
export const LOWER_T = 0x74;
export const LOWER_U = 0x75;
export const UPPER_A = 0x41;
export const UPPER_E = 0x45;
export const UPPER_F = 0x46;

/** JSON's four whitespace characters (RFC 8259): nothing else may separate tokens. */
export function isJsonWhitespace(code: number): boolean {
  return code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN || code === TAB;
}

export function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

export function isHexDigit(code: number): boolean {
  return (code >= DIGIT_0 && code <= DIGIT_9) || (code >= UPPER_A && code <= UPPER_F) || (code >= LOWER_A && code <= LOWER_F);
}

// eslint-disable-next-line no-control-regex -- matching raw control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f]/;

/**
 * Whether `text[start, end)` holds a raw control character (U+0000..U+001F): invalid inside JSON
 * strings, which the record scanner skips unseen. Only asked about lines already suspected.
 */
export function containsControlCharacter(text: string, start: number, end: number): boolean {
  return CONTROL_CHARACTER.test(text.slice(start, end));
}
