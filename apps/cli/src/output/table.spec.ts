import { renderTable } from './table';
import { formatBytes, formatCount } from './format-number';

describe('renderTable', () => {
  it('aligns text left and numbers right, with thousands separators', () => {
    const text = renderTable(['reason', 'records'], [
      ['invalid-json', 1234],
      ['too-large', 7],
    ]);
    expect(text.split('\n')).toEqual([
      'reason        records',
      '------------  -------',
      'invalid-json    1,234',
      'too-large           7',
      '',
    ]);
  });
});

describe('number formatting', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('groups thousands', () => expect(formatCount(1234567)).toBe('1,234,567'));
});
