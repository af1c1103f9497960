import fc from 'fast-check';
import { corpusJsonRecordLines, corpusTextLines } from '../node/testing/shared-corpora';
import { ByteRecordScanner } from './byte-record-scanner';
import { isPlainAscii } from './control-bytes';
import { isJsonWhitespace } from './json-chars';
import { EVENT_NAME, EVENT_TIME, FIELD_COUNT, PROJECTED_KEYS } from './projected-fields';
import { RecordScanner } from './record-scanner';
import { recordText } from './testing/record-text-arbitraries';

const encoder = new TextEncoder();

/**
 * The text with every character the byte scanner does not take (non-ASCII, raw control) written as
 * a \u escape: still the same JSON inside strings, still invalid outside them.
 */
function asciiOnly(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (char) => [...char].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''));
}

function trimmed(text: string): readonly [number, number] {
  let first = 0;
  let last = text.length;
  while (first < last && isJsonWhitespace(text.charCodeAt(first))) first++;
  while (last > first && isJsonWhitespace(text.charCodeAt(last - 1))) last--;
  return [first, last];
}

/** What each scanner says of the record text: accepted or not, and the slots. */
function bothScans(text: string, byteScanner = new ByteRecordScanner(), textScanner = new RecordScanner()) {
  const [first, last] = trimmed(text);
  const bytes = encoder.encode(text);
  const byText = textScanner.scan(text, first, last);
  const byBytes = byteScanner.scan(bytes, first, last);
  return { byText: { scanned: byText, slots: byText ? [...textScanner.slots] : [] }, byBytes: { scanned: byBytes, slots: byBytes ? [...byteScanner.slots] : [] } };
}

describe('ByteRecordScanner gives the text scanner\'s answers (differential)', () => {
  it('on every plain-ASCII line of the shared corpora', () => {
    // Prepare: one scanner of each kind for all lines, so tables and cursors carry over as in a run
    const byteScanner = new ByteRecordScanner();
    const textScanner = new RecordScanner();
    const lines = [...corpusTextLines(), ...corpusJsonRecordLines()].filter(({ text }) => isPlainAscii(encoder.encode(text), 0, encoder.encode(text).length));
    let scanned = 0;
    // Act + Assess
    for (const { source, text } of lines) {
      const { byText, byBytes } = bothScans(text, byteScanner, textScanner);
      expect({ source, text: text.slice(0, 120), ...byBytes }).toEqual({ source, text: text.slice(0, 120), ...byText });
      if (byBytes.scanned) scanned++;
    }
    expect(lines.length).toBeGreaterThan(1000);
    expect(scanned).toBeGreaterThan(1000);
  });

  it('on generated record texts: reordered, repeated and escaped keys, every JSON type, cut and corrupted', () => {
    const byteScanner = new ByteRecordScanner();
    fc.assert(
      fc.property(recordText, (text) => {
        const ascii = asciiOnly(text);
        const { byText, byBytes } = bothScans(ascii, byteScanner);
        expect(byBytes).toEqual(byText);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads projected keys written with escapes, and values with escapes, as JSON.parse does', () => {
    const text = `{"\\u0065ventTime":"2024-01-01T00:00:00Z","eventName":"Get\\"Quoted\\\\","eventSource":"s3.amazonaws.com"}`;
    const scanner = new ByteRecordScanner();
    expect(scanner.scan(encoder.encode(text), 0, text.length)).toBe(true);
    expect(scanner.slots[EVENT_TIME]).toBe('2024-01-01T00:00:00Z');
    expect(scanner.slots[EVENT_NAME]).toBe('Get"Quoted\\');
  });

  it('hands back one string object per repeated value, and the right one after a collision', () => {
    // Prepare: many distinct event names through one table, then the first again
    const scanner = new ByteRecordScanner();
    const nameOf = (i: number): unknown => {
      const text = `{"eventName":"Name${i}"}`;
      if (!scanner.scan(encoder.encode(text), 0, text.length)) throw new Error(`not scanned: ${text}`);
      return scanner.slots[EVENT_NAME];
    };
    // Act
    const first = nameOf(1);
    const again = nameOf(1);
    const many = Array.from({ length: 40_000 }, (_, i) => nameOf(i));
    // Assess
    expect(again).toBe(first);
    expect(many.every((name, i) => name === `Name${i}`)).toBe(true);
    expect(nameOf(1)).toBe('Name1');
  });

  it('scans records of one byte array in any order, across the backslash cursor', () => {
    const records = ['{"a":"\\\\","eventTime":"x"}', '{"eventTime":"y"}', '{"b":"\\"q","eventTime":"z\\u0021"}'];
    const text = records.join('\n');
    const bytes = encoder.encode(text);
    const bounds = records.map((record) => [text.indexOf(record), text.indexOf(record) + record.length] as const);
    const scanner = new ByteRecordScanner();
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      for (const i of order) {
        const [start, end] = bounds[i] as readonly [number, number];
        expect(scanner.scan(bytes, start, end)).toBe(true);
        expect(scanner.slots[EVENT_TIME]).toBe((JSON.parse(records[i] as string) as { eventTime: string }).eventTime);
      }
    }
  });

  it('keeps one slot per projected field and matches every projected key', () => {
    expect(new ByteRecordScanner().slots).toHaveLength(FIELD_COUNT);
    for (const key of PROJECTED_KEYS[0] ?? []) {
      const text = `{${JSON.stringify(key)}:"v"}`;
      expect({ key, ...bothScans(text).byBytes }).toEqual({ key, ...bothScans(text).byText });
    }
  });
});

describe('isPlainAscii', () => {
  it.each([
    ['plain ASCII with line ends', 'abc{"x":1}\n\r\nxyz', true],
    ['a byte from 0x80 (UTF-8)', 'ab\u00e9c', false],
    ['a tab', 'a\tb', false],
    ['a lone carriage return', 'a\rb', false],
    ['empty', '', true],
  ])('%s', (_, text, expected) => {
    // Long enough for the word-at-a-time loop, at every alignment
    for (let pad = 0; pad < 8; pad++) {
      const bytes = encoder.encode(`${'x'.repeat(pad)}${text}${'y'.repeat(40)}`);
      expect(isPlainAscii(bytes, 0, bytes.length)).toBe(expected);
      expect(isPlainAscii(bytes.subarray(pad), 0, bytes.length - pad)).toBe(expected);
    }
  });
});
