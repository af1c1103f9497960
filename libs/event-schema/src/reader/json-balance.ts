/**
 * Small bracket-balance scans over a bounded piece of input (format sniffing, the last NDJSON line).
 * Strings and escapes are honoured; values are not validated.
 */
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, NEWLINE, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-bytes';

/** Where a scan stopped: after the value closed, at a line break before that, or at the end of the bytes. */
export type BalanceScan =
  | { readonly stop: 'closed'; readonly end: number }
  | { readonly stop: 'line-break' }
  | { readonly stop: 'end-of-bytes' };

/**
 * Scans from `start` (an opening brace or bracket) until the value closes. With `stopAtLineBreak`,
 * a line break outside a string stops the scan (the value is not on one line).
 */
export function scanBalance(bytes: Uint8Array, start: number, stopAtLineBreak: boolean): BalanceScan {
  let depth = 0;
  let inString = false;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
      else if (byte === NEWLINE && stopAtLineBreak) return { stop: 'line-break' };
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
      if (depth <= 0) return { stop: 'closed', end: i + 1 };
    } else if (byte === NEWLINE && stopAtLineBreak) return { stop: 'line-break' };
  }
  return { stop: 'end-of-bytes' };
}

/** Whether a text ends inside a string or with brackets left open: it was cut short. */
export function endsInsideValue(bytes: Uint8Array): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return inString || depth > 0;
}
