import { utf8 } from '../../test/read-helpers';
import { FormatDetector, formatFromName, sniffFormat, SNIFF_LIMIT_BYTES } from './format';

describe('formatFromName', () => {
  it.each([
    ['events.ndjson', 'ndjson'],
    ['events.JSONL', 'ndjson'],
    ['events.ndjson.gz', 'ndjson'],
    ['events.jsonl.gz', 'ndjson'],
    ['trail.json', undefined],
    ['trail.json.gz', undefined],
    ['-', undefined],
  ])('%s -> %s', (name, format) => {
    expect(formatFromName(name)).toBe(format);
  });
});

describe('sniffFormat', () => {
  it.each([
    ['a JSON array', '[{"a":1}]', 'json'],
    ['a pretty-printed object', '{\n  "Records": []\n}', 'json'],
    ['a one-line S3 log file', '{"Records":[{"a":1}]}', 'json'],
    ['one-line objects, one per line', '{"a":1}\n{"b":2}\n', 'ndjson'],
    ['one-line objects after blank lines', '\n\n{"a":"}"}\r\n\r\n{"b":2}', 'ndjson'],
    ['concatenated objects on one line', '{"a":1}{"b":2}', 'json'],
    ['text that is not JSON', 'Event Type,Event Name\nAwsApiCall,x', 'ndjson'],
    ['empty input', '', 'json'],
  ])('reads %s as %s', (_case, head, format) => {
    expect(sniffFormat(utf8(head), true)).toBe(format);
  });

  it('asks for more bytes while the first line is still open', () => {
    expect(sniffFormat(utf8('{"a":'), false)).toBeUndefined();
    expect(sniffFormat(utf8('{"a":1}\n'), false)).toBeUndefined();
  });

  it('decides for a JSON document once the first value has not closed within the sniff limit', () => {
    expect(sniffFormat(utf8(`{"Records":[${'{"a":1},'.repeat(SNIFF_LIMIT_BYTES / 8)}`), false)).toBe('json');
  });
});

describe('FormatDetector', () => {
  it('drops a UTF-8 byte order mark and honours an explicit format', () => {
    // Prepare
    const detector = new FormatDetector('ndjson', 'x.json');
    // Act
    const settled = detector.push(Uint8Array.of(0xef, 0xbb, 0xbf, 0x5b, 0x5d));
    // Assess
    expect(settled?.format).toBe('ndjson');
    expect([...(settled?.chunks[0] ?? [])]).toEqual([0x5b, 0x5d]);
  });

  it('prefers the file name over the content under auto', () => {
    expect(new FormatDetector('auto', 'a.ndjson').push(utf8('[1]'))?.format).toBe('ndjson');
  });

  it('waits for more bytes, then decides on what arrived', () => {
    // Prepare
    const detector = new FormatDetector('auto', 'stdin');
    // Act
    const first = detector.push(utf8('{"a"'));
    const finished = detector.finish();
    // Assess
    expect(first).toBeUndefined();
    expect(finished.format).toBe('json');
    expect(new TextDecoder().decode(finished.chunks[0])).toBe('{"a"');
  });
});
