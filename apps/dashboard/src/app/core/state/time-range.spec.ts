import { chooseResolution, RangeTooLongError, resolveRange } from './time-range';

const SERVED = [10, 60];

describe('chooseResolution', () => {
  test.each([
    ['15 min', 15 * 60_000, { windowSeconds: 10, bucketSeconds: 10 }],
    ['1 h', 3_600_000, { windowSeconds: 60, bucketSeconds: 60 }],
    ['24 h', 86_400_000, { windowSeconds: 60, bucketSeconds: 300 }],
    ['7 d', 7 * 86_400_000, { windowSeconds: 60, bucketSeconds: 3600 }],
  ])('%s', (_name, durationMs, expected) => {
    expect(chooseResolution(durationMs, SERVED)).toEqual(expected);
  });

  test('keeps every chart at most 300 points and every request within the API limit of 10080 windows', () => {
    for (let minutes = 1; minutes <= 7 * 24 * 60; minutes += 97) {
      const { windowSeconds, bucketSeconds } = chooseResolution(minutes * 60_000, SERVED);
      expect(bucketSeconds % windowSeconds).toBe(0);
      expect((minutes * 60) / bucketSeconds).toBeLessThanOrEqual(300);
      expect(Math.ceil((minutes * 60) / windowSeconds)).toBeLessThanOrEqual(10_080);
    }
  });

  test('a range longer than the API can answer says how long it may be', () => {
    expect(() => chooseResolution(30 * 86_400_000, SERVED)).toThrow(RangeTooLongError);
    expect(() => chooseResolution(30 * 86_400_000, SERVED)).toThrow(/at most 7 days/);
  });
});

describe('resolveRange', () => {
  test('a relative range ends after the window holding now and starts on a bucket boundary', () => {
    const now = Date.parse('2024-01-01T12:00:42Z');
    expect(resolveRange({ kind: 'relative', preset: '1h' }, now, { windowSeconds: 60, bucketSeconds: 60 })).toEqual({
      fromMs: Date.parse('2024-01-01T11:01:00Z'),
      toMs: Date.parse('2024-01-01T12:01:00Z'),
    });
  });
});
