/** Window lengths the engine supports, and parsing them from CLI-style durations. */

/** The dashboard's default window (metrics.md "Windows"). */
export const DEFAULT_WINDOW_SECONDS = 60;
/** metrics.md: "10 s must work"; shorter windows would be mostly empty for most organizations. */
export const MIN_WINDOW_SECONDS = 10;
/** One hour: longer windows stop being "real time" and hold more state than a Lambda checkpoint allows. */
export const MAX_WINDOW_SECONDS = 3600;

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600 };
const DURATION = /^(\d{1,7})\s*([smh]?)$/i;

/** A window length that is not a duration, or outside what the engine supports. */
export class WindowLengthError extends Error {
  override readonly name = 'WindowLengthError';
}

/**
 * Seconds of a window length written as `90`, `90s`, `5m` or `1h` (case-insensitive, surrounding
 * spaces ignored), between {@link MIN_WINDOW_SECONDS} and {@link MAX_WINDOW_SECONDS}.
 * @throws WindowLengthError naming the input and what would have been accepted.
 */
export function parseWindowSeconds(text: string): number {
  const match = DURATION.exec(text.trim());
  const unit = match?.[2]?.toLowerCase() ?? '';
  const perUnit = SECONDS_PER_UNIT[unit];
  if (match === null || perUnit === undefined) {
    throw new WindowLengthError(
      `window "${text}" is not a duration: write whole seconds (90 or 90s), minutes (5m) or hours (1h)`,
    );
  }
  const seconds = Number(match[1]) * perUnit;
  assertWindowSeconds(seconds, `window "${text}"`);
  return seconds;
}

/**
 * Checks a window length given as a number of seconds.
 * @param subject how the error message names the value, e.g. `windowSeconds`.
 * @throws WindowLengthError for non-integers and lengths outside the supported range.
 */
export function assertWindowSeconds(seconds: number, subject = 'windowSeconds'): void {
  if (!Number.isInteger(seconds)) {
    throw new WindowLengthError(`${subject} must be a whole number of seconds, got ${seconds}`);
  }
  if (seconds < MIN_WINDOW_SECONDS || seconds > MAX_WINDOW_SECONDS) {
    throw new WindowLengthError(
      `${subject} is ${seconds} s; supported windows are ${MIN_WINDOW_SECONDS} s to ${MAX_WINDOW_SECONDS} s`,
    );
  }
}
