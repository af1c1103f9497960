import { NabInputError } from './errors';
import { parseResultsCsv, parseSeriesCsv } from './series';

describe('parseSeriesCsv', () => {
  it('reads timestamps and values, skipping blank lines and CRLF', () => {
    // Act
    const series = parseSeriesCsv('timestamp,value\r\n2014-02-14 14:30:00,0.132\r\n\r\n2014-02-14 14:35:00,7\r\n', 'c/a.csv', 'data/c/a.csv');
    // Assess
    expect(series).toEqual({
      file: 'c/a.csv',
      timestampTexts: ['2014-02-14 14:30:00', '2014-02-14 14:35:00'],
      timestamps: [Date.UTC(2014, 1, 14, 14, 30), Date.UTC(2014, 1, 14, 14, 35)],
      values: [0.132, 7],
    });
  });

  it.each([
    ['timestamp,value\n2014-02-14 14:30:00,abc\n', 'data/c/a.csv line 2: value "abc" is not a finite number'],
    ['timestamp,value\n2014-02-14 14:30:00,1\n14:35,2\n', 'data/c/a.csv line 3: timestamp "14:35" is not "YYYY-MM-DD HH:MM:SS"'],
    ['timestamp,value\n2014-02-14 14:30:00,1,2\n', 'data/c/a.csv line 2: expected 2 columns (timestamp,value), found 3'],
    ['time,value\n', 'data/c/a.csv line 1: no "timestamp" column in header "time,value"'],
    ['', 'data/c/a.csv line 1: empty file, expected a header row'],
  ])('names the file and line of malformed input', (text, message) => {
    // Act + Assess
    expect(() => parseSeriesCsv(text, 'c/a.csv', 'data/c/a.csv')).toThrow(NabInputError);
    expect(() => parseSeriesCsv(text, 'c/a.csv', 'data/c/a.csv')).toThrow(message);
  });
});

describe('parseResultsCsv', () => {
  it('finds anomaly_score by name, whatever the other columns', () => {
    // Act
    const result = parseResultsCsv('timestamp,value,anomaly_score,raw_score,label\n2014-02-14 14:30:00,0.1,0.03,1.0,0\n', 'c/a.csv', 'r.csv');
    // Assess
    expect(result.anomalyScores).toEqual([0.03]);
  });
});
