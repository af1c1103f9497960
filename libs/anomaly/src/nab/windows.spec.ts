import { NabInputError } from './errors';
import { locateWindows, parseWindowsJson } from './windows';

const t = (hhmm: string) => Date.UTC(2014, 1, 26, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3)));

describe('parseWindowsJson', () => {
  it('reads inclusive [start, end] pairs by file, and files without windows', () => {
    // Act
    const windows = parseWindowsJson('{"c/a.csv": [["2014-02-26 13:45:00.000000", "2014-02-26 14:00:00.000000"]], "c/b.csv": []}', 'w.json');
    // Assess
    expect(windows.get('c/a.csv')).toEqual([{ start: t('13:45'), end: t('14:00') }]);
    expect(windows.get('c/b.csv')).toEqual([]);
  });

  it.each([
    ['{"c/a.csv": [["2014-02-26 13:45:00", "2014-02-26 13:40:00"]]}', /window 1 must be/],
    ['{"c/a.csv": [["2014-02-26 13:45:00", "2014-02-26 14:00:00"], ["2014-02-26 13:50:00", "2014-02-26 14:10:00"]]}', /windows 1 and 2 overlap/],
    ['{"c/a.csv": "2014-02-26"}', /must map to a list/],
    ['[1]', /expected a JSON object/],
    ['{', /not valid JSON/],
  ])('refuses %s, naming the file', (text, message) => {
    // Act + Assess
    expect(() => parseWindowsJson(text, 'w.json')).toThrow(NabInputError);
    expect(() => parseWindowsJson(text, 'w.json')).toThrow(message);
    expect(() => parseWindowsJson(text, 'w.json')).toThrow(/^w\.json: /);
  });
});

describe('locateWindows', () => {
  it('finds the rows of both ends', () => {
    // Act
    const rows = locateWindows([t('13:40'), t('13:45'), t('13:50'), t('13:55')], [{ start: t('13:45'), end: t('13:50') }], 'c/a.csv');
    // Assess
    expect(rows).toEqual([{ first: 1, last: 2 }]);
  });

  it('refuses a window whose ends are not rows of the file', () => {
    // Act + Assess
    expect(() => locateWindows([t('13:40')], [{ start: t('13:45'), end: t('13:50') }], 'c/a.csv')).toThrow(
      'c/a.csv: anomaly window 1 (2014-02-26 13:45:00 to 2014-02-26 13:50:00) does not start and end on rows of the file',
    );
  });
});
