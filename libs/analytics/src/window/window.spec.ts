import fc from 'fast-check';
import { windowStartMs } from './window-bounds';
import { assertWindowSeconds, MAX_WINDOW_SECONDS, MIN_WINDOW_SECONDS, parseWindowSeconds, WindowLengthError } from './window-length';

describe('windowStartMs (metrics.md "Windows": aligned to multiples of the window length since the epoch, half-open [start, end))', () => {
  it.each([
    ['the epoch', 0, 60_000, 0],
    ['just before a boundary', 59_999, 60_000, 0],
    ['on a boundary (start is inclusive, end exclusive)', 60_000, 60_000, 60_000],
    ['a 10 s window', Date.UTC(2024, 0, 1, 0, 0, 19, 999), 10_000, Date.UTC(2024, 0, 1, 0, 0, 10)],
    ['one millisecond before the epoch (floor, not trunc)', -1, 60_000, -60_000],
    ['a negative boundary', -120_000, 60_000, -120_000],
    ['the last millisecond Date can hold', 8.64e15, 3_600_000, 8.64e15],
    ['the first millisecond Date can hold', -8.64e15, 3_600_000, -8.64e15],
  ])('%s', (_case, eventTimeMs, windowMs, expected) => {
    // Act + Assess
    expect(windowStartMs(eventTimeMs, windowMs)).toBe(expected);
  });

  it('puts every integer time in the one aligned window that contains it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: MIN_WINDOW_SECONDS, max: MAX_WINDOW_SECONDS }), (eventTimeMs, seconds) => {
        // Act
        const windowMs = seconds * 1000;
        const start = windowStartMs(eventTimeMs, windowMs);
        // Assess
        expect(start % windowMs === 0).toBe(true);
        expect(start <= eventTimeMs && eventTimeMs < start + windowMs).toBe(true);
      }),
    );
  });
});

describe('parseWindowSeconds', () => {
  it.each([
    ['60s', 60],
    ['10s', 10],
    ['90', 90],
    ['5m', 300],
    ['1h', 3600],
    [' 2M ', 120],
    ['15 s', 15],
  ])('reads %j as %d seconds', (text, seconds) => {
    // Act + Assess
    expect(parseWindowSeconds(text)).toBe(seconds);
  });

  it.each([
    ['', /not a duration/],
    ['1.5m', /not a duration/],
    ['-60s', /not a duration/],
    ['60ms', /not a duration/],
    ['1d', /not a duration/],
    ['minute', /not a duration/],
    ['9s', /10 s to 3600 s/],
    ['0', /10 s to 3600 s/],
    ['2h', /10 s to 3600 s/],
    ['61m', /10 s to 3600 s/],
  ])('rejects %j with a WindowLengthError that says why', (text, message) => {
    // Act + Assess
    expect(() => parseWindowSeconds(text)).toThrow(WindowLengthError);
    expect(() => parseWindowSeconds(text)).toThrow(message);
  });

  it('rejects fractional seconds given as a number', () => {
    // Act + Assess
    expect(() => assertWindowSeconds(10.5)).toThrow(/whole number of seconds/);
  });
});
