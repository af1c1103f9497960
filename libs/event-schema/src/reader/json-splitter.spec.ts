import { chunksOf, utf8 } from '../../test/read-helpers';
import { JsonSplitter } from './json-splitter';
import { type TextSink } from './text-sink';

type Piece =
  | { text: string; line: number; path: string | undefined; shape: string }
  | { oversized: number; line: number; path: string | undefined }
  | { malformed: string; message: string; line: number; path: string | undefined };

/** Runs the splitter over `input` cut into `chunkSize`-byte chunks and records what it hands over. */
function split(input: string, chunkSize = Number.MAX_SAFE_INTEGER, maxTextBytes = 1 << 20): Piece[] {
  const pieces: Piece[] = [];
  const decoder = new TextDecoder();
  const sink: TextSink = {
    text: (bytes, line, path, shape) => pieces.push({ text: decoder.decode(bytes), line, path, shape }),
    oversized: (byteLength, line, path) => pieces.push({ oversized: byteLength, line, path }),
    malformed: (reason, message, line, path) => pieces.push({ malformed: reason, message, line, path }),
  };
  const splitter = new JsonSplitter(sink, maxTextBytes);
  for (const chunk of chunksOf(utf8(input), Math.min(chunkSize, Math.max(1, input.length)))) splitter.push(chunk);
  splitter.end();
  return pieces;
}

function texts(pieces: Piece[]): string[] {
  return pieces.map((piece) => ('text' in piece ? piece.text : JSON.stringify(piece)));
}

describe('JsonSplitter', () => {
  it('hands over each element of a top-level array with its line and path', () => {
    // Act
    const pieces = split('[\n  {"a": 1},\n  {"b": [2, 3]}\n]\n');
    // Assess
    expect(pieces).toEqual([
      { text: '{"a": 1}', line: 2, path: '[0]', shape: 'array-element' },
      { text: '{"b": [2, 3]}', line: 3, path: '[1]', shape: 'array-element' },
    ]);
  });

  it('hands over the elements of a top-level Records array and skips the other keys', () => {
    // Act
    const pieces = split('{"before": {"Records": "no"},\n "Records": [{"r": 0}, {"r": "]}"}],\n "after": [1]}');
    // Assess
    expect(pieces).toEqual([
      { text: '{"r": 0}', line: 2, path: 'Records[0]', shape: 'record' },
      { text: '{"r": "]}"}', line: 2, path: 'Records[1]', shape: 'record' },
    ]);
  });

  it('hands over a top-level object without Records whole, and a nested Records key does not count', () => {
    expect(texts(split('{"data": {"Records": [1, 2]}, "x": "Records"}'))).toEqual(['{"data": {"Records": [1, 2]}, "x": "Records"}']);
  });

  it('does not take a Records key whose value is not an array for a Records file', () => {
    expect(texts(split('{"Records": {"a": [1]}}'))).toEqual(['{"Records": {"a": [1]}}']);
  });

  it('ignores brackets, quotes and backslashes inside strings, whatever the chunking', () => {
    // Prepare
    const input = '[{"s": "a]b}c[d{"}, {"s": "quote \\" and backslash \\\\"}, {"s": "\\\\\\""}, "x\\\\", {"k\\"ey": 1}]';
    const expected = ['{"s": "a]b}c[d{"}', '{"s": "quote \\" and backslash \\\\"}', '{"s": "\\\\\\""}', '"x\\\\"', '{"k\\"ey": 1}'];
    // Act / Assess
    for (const chunkSize of [1, 2, 3, 5, 7, 1000]) expect(texts(split(input, chunkSize))).toEqual(expected);
  });

  it('splits a stream of concatenated and whitespace-separated top-level values', () => {
    // Act
    const pieces = split('{"a":1}{"b":2}\n\n[{"c":3}] "s" 12 true\n{"Records":[{"d":4}]}');
    // Assess
    expect(pieces.map((piece) => ['text' in piece ? piece.text : '', piece.line, piece.path])).toEqual([
      ['{"a":1}', 1, undefined],
      ['{"b":2}', 1, undefined],
      ['{"c":3}', 3, '[0]'],
      ['"s"', 3, undefined],
      ['12', 3, undefined],
      ['true', 3, undefined],
      ['{"d":4}', 4, 'Records[0]'],
    ]);
  });

  it('hands scalar and string elements over as they are (the acceptance rule rejects them)', () => {
    expect(texts(split('[1, -2.5e3, "s", null, tru, {"a":1}]'))).toEqual(['1', '-2.5e3', '"s"', 'null', 'tru', '{"a":1}']);
  });

  it('reports an element longer than the limit without buffering it, and goes on with the next', () => {
    // Prepare
    const big = `{"s": "${'x'.repeat(5000)}"}`;
    // Act
    const pieces = split(`{"Records": [{"a": 1}, ${big}, {"b": 2}]}`, 64, 1000);
    // Assess
    expect(pieces).toEqual([
      { text: '{"a": 1}', line: 1, path: 'Records[0]', shape: 'record' },
      { oversized: big.length, line: 1, path: 'Records[1]' },
      { text: '{"b": 2}', line: 1, path: 'Records[2]', shape: 'record' },
    ]);
  });

  it('drops what it buffered of a large top-level object once its Records array starts', () => {
    // Prepare: a long key before Records makes the object itself longer than the limit
    const input = `{"padding": "${'p'.repeat(3000)}", "Records": [{"a": 1}]}`;
    // Act / Assess
    expect(texts(split(input, 100, 1000))).toEqual(['{"a": 1}']);
  });

  it('reports input that ends inside a value once, with where the value started', () => {
    expect(split('[{"a": 1},\n{"b": "unfinished')).toEqual([
      { text: '{"a": 1}', line: 1, path: '[0]', shape: 'array-element' },
      { malformed: 'truncated', message: 'input ended at line 2 inside the value that starts at line 2', line: 2, path: '[1]' },
    ]);
    expect(split('{"Records": [{"a": 1}, ')).toEqual([
      { text: '{"a": 1}', line: 1, path: 'Records[0]', shape: 'record' },
      { malformed: 'truncated', message: 'input ended at line 1 inside the top-level object that starts at line 1', line: 1, path: undefined },
    ]);
  });

  it('completes a top-level number at the end of input', () => {
    expect(texts(split('{"a":1} 42'))).toEqual(['{"a":1}', '42']);
  });

  it.each([
    ['a stray closing bracket', '{"a":1}]', 'invalid JSON at line 1: unexpected \']\''],
    ['a missing comma between elements', '[{"a":1} {"b":2}]', "invalid JSON at line 1: expected ',' or ']' after element 0, found '{'"],
    ['a trailing comma', '[{"a":1},]', "invalid JSON at line 1: trailing ',' after element 0"],
    ['a leading comma', '[,{"a":1}]', "invalid JSON at line 1: unexpected ',' before element 0"],
    ['an array closed by a brace', '[{"a":1}}', "invalid JSON at line 1: the array that starts at line 1 is closed by '}'"],
    ['text that is not JSON', 'Event Type,Event Name', "invalid JSON at line 1: unexpected 'E'"],
  ])('stops at %s with one invalid-json', (_case, input, message) => {
    // Act
    const pieces = split(input);
    // Assess
    const malformed = pieces.filter((piece) => 'malformed' in piece);
    expect(malformed).toEqual([{ malformed: 'invalid-json', message, line: 1, path: undefined }]);
    expect(pieces[pieces.length - 1]).toBe(malformed[0]);
  });

  it('scans 100,000 levels of nesting without recursion', () => {
    // Prepare
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    // Act
    const pieces = split(`[${deep}, {"after": 1}]`, 4096);
    // Assess
    expect(pieces.map((piece) => ('text' in piece ? piece.text.length : piece))).toEqual([deep.length, 12]);
  });

  it('counts lines across chunks for every element', () => {
    // Prepare
    const input = `[\n${Array.from({ length: 50 }, (_, i) => `{"i": ${i}}`).join(',\n')}\n]`;
    // Act
    const pieces = split(input, 3);
    // Assess
    expect(pieces.map((piece) => piece.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  });
});
