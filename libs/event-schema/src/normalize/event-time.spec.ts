import fc from 'fast-check';
import { formatIsoMillis, parseEventTime } from './index';

const FIRST_MS_OF_YEAR_0000 = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_MS_OF_YEAR_9999 = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Independent oracle for the accepted grammar: a regular expression for the layout, and Date's
 * own field normalisation to detect out-of-range values (Feb 30 rolls over to March, so the
 * fields no longer match). Slow and regex-based on purpose: nothing shared with the parser.
 */
const ACCEPTED_LAYOUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
function oracleParse(text: string): number | undefined {
  const match = ACCEPTED_LAYOUT.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(fields[0], fields[1] - 1, fields[2]);
  date.setUTCHours(fields[3], fields[4], fields[5], Number(fraction.padEnd(3, '0').slice(0, 3)));
  const roundTripped = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  if (roundTripped.some((value, index) => value !== fields[index])) return undefined;
  if (zone === 'Z') return date.getTime();
  const offsetHours = Number(zone.slice(1, 3));
  const offsetMinutes = Number(zone.slice(-2));
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const sign = zone.startsWith('-') ? -1 : 1;
  return date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

describe('parseEventTime accepts strict ISO-8601', () => {
  it.each([
    ['canonical CloudTrail form', '2024-01-01T00:00:00Z', Date.UTC(2024, 0, 1)],
    ['milliseconds', '2024-01-01T00:00:00.000Z', Date.UTC(2024, 0, 1)],
    ['no seconds', '2024-01-01T10:20Z', Date.UTC(2024, 0, 1, 10, 20)],
    ['one fraction digit', '2024-01-01T00:00:00.5Z', Date.UTC(2024, 0, 1, 0, 0, 0, 500)],
    ['two fraction digits', '2024-01-01T00:00:00.12Z', Date.UTC(2024, 0, 1, 0, 0, 0, 120)],
    ['nine fraction digits (Panther), truncated', '2024-01-01T00:00:00.123456789Z', Date.UTC(2024, 0, 1, 0, 0, 0, 123)],
    ['a fraction just below the next second, not rounded up', '2024-01-01T23:59:59.9999Z', Date.UTC(2024, 0, 1, 23, 59, 59, 999)],
    ['positive offset with colon', '2024-01-01T02:00:00+02:00', Date.UTC(2024, 0, 1)],
    ['negative offset without colon', '2023-12-31T18:30:00-0530', Date.UTC(2024, 0, 1)],
    ['offset without seconds', '2024-01-01T01:00+01:00', Date.UTC(2024, 0, 1)],
    ['-00:00 offset', '2024-01-01T00:00:00-00:00', Date.UTC(2024, 0, 1)],
    ['leap day of a leap year', '2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['leap day of a 400-year', '2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['last day of a 30-day month', '2024-04-30T00:00:00Z', Date.UTC(2024, 3, 30)],
    ['year 0000', '0000-01-01T00:00:00Z', FIRST_MS_OF_YEAR_0000],
    [
      'a two-digit year, which Date.UTC alone would move to the 1900s',
      '0099-12-31T23:59:59.999Z',
      Date.parse('0099-12-31T23:59:59.999Z'),
    ],
    ['year 9999', '9999-12-31T23:59:59.999Z', LAST_MS_OF_YEAR_9999],
  ])('%s: %p', (_case, text, expected) => {
    expect(parseEventTime(text)).toBe(expected);
  });
});

describe('parseEventTime rejects everything else', () => {
  it.each([
    ["Panther's space-separated form", '2024-01-01 00:00:00'],
    ["Panther's form with nanoseconds", '2024-11-25 22:00:58.000000000'],
    ['date only', '2024-01-01'],
    ['no zone', '2024-01-01T00:00:00'],
    ['month 13', '2024-13-01T00:00:00Z'],
    ['month 00', '2024-00-10T00:00:00Z'],
    ['day 00', '2024-01-00T00:00:00Z'],
    ['day 32', '2024-01-32T00:00:00Z'],
    ['Feb 30', '2024-02-30T00:00:00Z'],
    ['Feb 29 of a common year', '2023-02-29T00:00:00Z'],
    ['Feb 29 of a century that is not a 400-year', '1900-02-29T00:00:00Z'],
    ['April 31', '2024-04-31T00:00:00Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['minute 60', '2024-01-01T00:60:00Z'],
    ['second 60', '2024-01-01T00:00:60Z'],
    ['empty fraction', '2024-01-01T00:00:00.Z'],
    ['ten fraction digits', '2024-01-01T00:00:00.1234567890Z'],
    ['a fraction without seconds', '2024-01-01T00:00.5Z'],
    ['lower-case t and z', '2024-01-01t00:00:00z'],
    ['offset hour 24', '2024-01-01T00:00:00+24:00'],
    ['offset minute 60', '2024-01-01T00:00:00+01:60'],
    ['hour-only offset', '2024-01-01T00:00:00+01'],
    ['one-digit offset hour', '2024-01-01T00:00:00+1:00'],
    ['offset with seconds', '2024-01-01T00:00:00+01:00:00'],
    ['trailing space', '2024-01-01T00:00:00Z '],
    ['leading space', ' 2024-01-01T00:00:00Z'],
    ['one-digit month', '2024-1-01T00:00:00Z'],
    ['expanded year', '+002024-01-01T00:00:00Z'],
    ['full-width digits', '２０２４-01-01T00:00:00Z'],
    ['slashes', '2024/01/01T00:00:00Z'],
    ['placeholder', '...'],
    ['field name as value', 'eventTime'],
    ['redacted', 'redacted'],
    ['empty string', ''],
  ])('%s: %p', (_case, text) => {
    expect(parseEventTime(text)).toBeUndefined();
  });

  it.each([[1704067200000], [null], [undefined], [true], [{}], [['2024-01-01T00:00:00Z']], [new Date(0)]])(
    'non-string %p',
    (value) => {
      expect(parseEventTime(value)).toBeUndefined();
    },
  );
});

describe('formatIsoMillis', () => {
  it.each([
    [Date.UTC(2024, 0, 1), '2024-01-01T00:00:00.000Z'],
    [Date.UTC(2024, 0, 1, 0, 1, 0, 5), '2024-01-01T00:01:00.005Z'],
    [0, '1970-01-01T00:00:00.000Z'],
    [FIRST_MS_OF_YEAR_0000, '0000-01-01T00:00:00.000Z'],
    [LAST_MS_OF_YEAR_9999, '9999-12-31T23:59:59.999Z'],
  ])('%p -> %p', (epochMillis, expected) => {
    expect(formatIsoMillis(epochMillis)).toBe(expected);
  });

  it.each([Number.NaN, Infinity, -Infinity, 8.64e15 + 1])('throws a RangeError for %p', (epochMillis) => {
    expect(() => formatIsoMillis(epochMillis)).toThrow(RangeError);
  });
});

describe('parseEventTime properties', () => {
  const epochMillisInYears0000To9999 = fc.integer({ min: FIRST_MS_OF_YEAR_0000, max: LAST_MS_OF_YEAR_9999 });

  it('round-trips with formatIsoMillis over years 0000-9999', () => {
    fc.assert(
      fc.property(epochMillisInYears0000To9999, (epochMillis) => parseEventTime(formatIsoMillis(epochMillis)) === epochMillis),
    );
  });

  it('agrees with Date.parse on the canonical forms', () => {
    fc.assert(
      fc.property(epochMillisInYears0000To9999, (epochMillis) => {
        const withMillis = formatIsoMillis(epochMillis);
        const withoutMillis = `${withMillis.slice(0, 19)}Z`;
        expect(parseEventTime(withMillis)).toBe(Date.parse(withMillis));
        expect(parseEventTime(withoutMillis)).toBe(Date.parse(withoutMillis));
      }),
    );
  });

  it('never throws on arbitrary input and returns an integer or undefined', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.string({ unit: 'binary' })), (value) => {
        const parsed = parseEventTime(value);
        return parsed === undefined || Number.isInteger(parsed);
      }),
    );
  });

  it('matches the regex-based oracle on near-ISO strings, valid or not', () => {
    // Prepare: ISO-shaped strings whose fields and separators are often slightly wrong.
    const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const nearIso = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        twoDigits(13),
        twoDigits(32),
        fc.constantFrom('T', 'T', 'T', ' ', 't'),
        twoDigits(25),
        twoDigits(61),
        fc.option(twoDigits(61), { nil: '' }).map((s) => (s === '' ? '' : `:${s}`)),
        fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: '' }).map((s) => (s === '' ? '' : `.${s}`)),
        fc.constantFrom('Z', 'Z', 'z', '', '+02:00', '-0530', '+24:00', '+01:60', '+1:00', '-00:00'),
      )
      .map(([year, month, day, separator, hour, minute, second, fraction, zone]) =>
        `${year}-${month}-${day}${separator}${hour}:${minute}${second}${fraction}${zone}`,
      );

    // Act + Assess
    fc.assert(
      fc.property(nearIso, (text) => {
        expect(parseEventTime(text)).toBe(oracleParse(text));
      }),
      { numRuns: 5000 },
    );
  });
});
