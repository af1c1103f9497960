const NAB_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/**
 * Parses NAB's `YYYY-MM-DD HH:MM:SS[.ffffff]` as a naive local datetime, the way NAB's pandas code
 * does (no time zone, no DST), into milliseconds on a UTC clock. Naive parsing matters: on a
 * machine in a DST zone, `new Date(text)` would move or merge rows around the clock change and
 * windows would stop matching their rows. Returns undefined for anything else.
 */
export function parseNabTimestamp(text: string): number | undefined {
  const match = NAB_TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const microseconds = Number((match[7] ?? '').padEnd(6, '0'));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  // Date.UTC rolls 2014-02-30 over into March; NAB would reject it, so do we.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  return ms + microseconds / 1000;
}
