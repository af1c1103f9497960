// Strict ISO-8601 eventTime parsing for the hot path. Date.parse is not used because it is
// lenient in engine-specific ways (V8 accepts "2023-02-30T00:00:00Z" and hour 24, and
// non-ISO forms such as Panther's "2024-01-01 00:00:00"), and a record is only accepted with
// a valid ISO-8601 eventTime (metrics.md "Input").
//
// Accepted: YYYY-MM-DDTHH:MM[:SS[.f{1,9}]] followed by Z, ±HH:MM or ±HHMM (upper-case T and Z).
// Fractions beyond milliseconds are truncated, never rounded, so a time never moves into the next window.

const CHAR_ZERO = 48;
const CHAR_PLUS = 43;
const CHAR_MINUS = 45;
const CHAR_DOT = 46;
const CHAR_COLON = 58;
const CHAR_T = 84;
const CHAR_Z = 90;

/** "YYYY-MM-DDTHH:MMZ" */
const SHORTEST_LENGTH = 17;
/** "YYYY-MM-DDTHH:MM:SS.fffffffff+HH:MM" */
const LONGEST_LENGTH = 35;
const MAX_FRACTION_DIGITS = 9;

const MS_PER_MINUTE = 60_000;
// Date.UTC maps years 0-99 to 1900-1999; 400 Gregorian years are exactly 146,097 days, so
// computing 400 years later and subtracting them gives the right instant for years 0000-0099.
const GREGORIAN_CYCLE_YEARS = 400;
const MS_PER_GREGORIAN_CYCLE = 146_097 * 86_400_000;

const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** The digit at `index`, or -1 (also past the end: charCodeAt gives NaN and every comparison fails). */
function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - CHAR_ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** The two-digit number at `index`, or -1. */
function twoDigitsAt(text: string, index: number): number {
  const tens = digitAt(text, index);
  const units = digitAt(text, index + 1);
  return tens < 0 || units < 0 ? -1 : tens * 10 + units;
}

/**
 * Epoch milliseconds of a strict ISO-8601 timestamp, or undefined for anything else
 * (other types, other layouts, out-of-range fields such as month 13, Feb 30 or hour 24).
 */
export function parseEventTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const length = value.length;
  if (length < SHORTEST_LENGTH || length > LONGEST_LENGTH) return undefined;

  // Fixed-position part: "YYYY-MM-DDTHH:MM".
  if (
    value.charCodeAt(4) !== CHAR_MINUS ||
    value.charCodeAt(7) !== CHAR_MINUS ||
    value.charCodeAt(10) !== CHAR_T ||
    value.charCodeAt(13) !== CHAR_COLON
  ) {
    return undefined;
  }
  const century = twoDigitsAt(value, 0);
  const yearOfCentury = twoDigitsAt(value, 2);
  const month = twoDigitsAt(value, 5);
  const day = twoDigitsAt(value, 8);
  const hour = twoDigitsAt(value, 11);
  const minute = twoDigitsAt(value, 14);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  const year = century * 100 + yearOfCentury;
  if (day > daysInMonth(year, month)) return undefined;

  // Optional ":SS" and ".fraction".
  let position = 16;
  let second = 0;
  let millisecond = 0;
  if (value.charCodeAt(position) === CHAR_COLON) {
    second = twoDigitsAt(value, position + 1);
    if (second < 0 || second > 59) return undefined;
    position += 3;
    if (value.charCodeAt(position) === CHAR_DOT) {
      position += 1;
      const fractionStart = position;
      let digit = digitAt(value, position);
      while (digit >= 0) {
        // Only the first three digits matter: later ones are truncated.
        if (position - fractionStart < 3) millisecond = millisecond * 10 + digit;
        position += 1;
        digit = digitAt(value, position);
      }
      const fractionDigits = position - fractionStart;
      if (fractionDigits === 0 || fractionDigits > MAX_FRACTION_DIGITS) return undefined;
      for (let scale = fractionDigits; scale < 3; scale += 1) millisecond *= 10;
    }
  }

  // Zone designator: "Z" (the form CloudTrail writes, checked first), "±HH:MM" or "±HHMM".
  let offsetMinutes = 0;
  const zone = value.charCodeAt(position);
  if (zone === CHAR_Z) {
    if (position + 1 !== length) return undefined;
  } else if (zone === CHAR_PLUS || zone === CHAR_MINUS) {
    const offsetHours = twoDigitsAt(value, position + 1);
    let minutesAt = position + 3;
    if (value.charCodeAt(minutesAt) === CHAR_COLON) minutesAt += 1;
    const offsetMinutesPart = twoDigitsAt(value, minutesAt);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutesPart < 0 || offsetMinutesPart > 59) return undefined;
    if (minutesAt + 2 !== length) return undefined;
    offsetMinutes = offsetHours * 60 + offsetMinutesPart;
    if (zone === CHAR_MINUS) offsetMinutes = -offsetMinutes;
  } else {
    return undefined;
  }

  const isTwoDigitYear = year < 100;
  const localTime = Date.UTC(
    isTwoDigitYear ? year + GREGORIAN_CYCLE_YEARS : year,
    month - 1,
    day,
    hour,
    minute,
    second,
    millisecond,
  );
  return (isTwoDigitYear ? localTime - MS_PER_GREGORIAN_CYCLE : localTime) - offsetMinutes * MS_PER_MINUTE;
}

/**
 * `2024-01-01T00:00:00.000Z` for epoch milliseconds (the timestamp format of metrics.md).
 * Years outside 0000-9999 come out in ISO's expanded form (`+010000-...`), as Date does.
 * @throws RangeError for NaN, ±Infinity and instants outside Date's range.
 */
export function formatIsoMillis(epochMillis: number): string {
  const date = new Date(epochMillis);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`formatIsoMillis: ${epochMillis} is not a representable instant`);
  }
  return date.toISOString();
}
