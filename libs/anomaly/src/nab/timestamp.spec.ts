import { parseNabTimestamp } from './timestamp';

describe('parseNabTimestamp', () => {
  it('reads a naive local datetime, with or without microseconds, to the same instant', () => {
    // Act
    const withMicros = parseNabTimestamp('2014-02-26 13:45:00.000000');
    const plain = parseNabTimestamp('2014-02-26 13:45:00');
    // Assess
    expect(withMicros).toBe(Date.UTC(2014, 1, 26, 13, 45, 0));
    expect(plain).toBe(withMicros);
  });

  it('keeps the hour a DST change skips or repeats in local time: no time zone applies', () => {
    // Act
    const times = ['2014-03-09 01:55:00', '2014-03-09 02:00:00', '2014-03-09 02:05:00'].map(parseNabTimestamp);
    // Assess
    expect(times).toEqual([0, 5, 10].map((m) => Date.UTC(2014, 2, 9, 1, 55) + m * 60_000));
  });

  it.each(['2014-02-30 00:00:00', '2014-02-26T13:45:00', '2014-02-26 24:00:00', '2014-02-26', ''])('refuses "%s"', (text) => {
    // Act + Assess
    expect(parseNabTimestamp(text)).toBeUndefined();
  });
});
