// CloudTrail logs some operations under a name carrying the API version, so the same call shows up
// as `UpdateFunctionCode20150331v2` (Lambda) or `UpdateDistribution2020_05_31` (CloudFront).
// Stripping the suffix gives the operation name the service catalog and verb rules know.

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const UNDERSCORE = 95;
const LOWER_V = 118;

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

/** True when `name[from, from + pattern.length)` has digits where `pattern` has `9` and `_` where it has `_`. */
function matchesDatePattern(name: string, from: number, pattern: string): boolean {
  // The suffix never is the whole name, and a longer run of digits is not a date.
  if (from < 1 || isDigit(name.charCodeAt(from - 1))) return false;
  for (let i = 0; i < pattern.length; i += 1) {
    const code = name.charCodeAt(from + i);
    if (pattern.charCodeAt(i) === UNDERSCORE ? code !== UNDERSCORE : !isDigit(code)) return false;
  }
  return true;
}

/**
 * `eventName` without a CloudTrail API-version suffix: `YYYYMMDD` optionally followed by `v<n>`
 * (Lambda: `CreateFunction20150331`, `UpdateFunctionCode20150331v2`) or `YYYY_MM_DD` (CloudFront:
 * `CreateDistribution2020_05_31`). Other names come back unchanged, including real operation
 * names ending in digits (`ListObjectsV2`, `CreateEnvironmentEC2`).
 */
export function normalizeEventName(eventName: string): string {
  let end = eventName.length;
  // Lambda's `v2`-style revision after the date.
  let digits = end;
  while (digits > 0 && isDigit(eventName.charCodeAt(digits - 1))) digits -= 1;
  if (digits < end && digits > 0 && eventName.charCodeAt(digits - 1) === LOWER_V) end = digits - 1;

  if (matchesDatePattern(eventName, end - 8, '99999999')) return eventName.slice(0, end - 8);
  if (end === eventName.length && matchesDatePattern(eventName, end - 10, '9999_99_99')) {
    return eventName.slice(0, end - 10);
  }
  return eventName;
}
