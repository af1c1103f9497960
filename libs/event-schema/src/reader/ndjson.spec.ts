import { chunksOf, utf8 } from '../../test/read-helpers';
import { NdjsonSplitter } from './ndjson';
import { type TextSink } from './text-sink';

type Piece = { text: string; line: number } | { oversized: number; line: number } | { malformed: string; message: string; line: number };

function split(input: string | Uint8Array, chunkSize = Number.MAX_SAFE_INTEGER, maxTextBytes = 1 << 20): Piece[] {
  const pieces: Piece[] = [];
  const decoder = new TextDecoder();
  const sink: TextSink = {
    text: (bytes, line) => pieces.push({ text: decoder.decode(bytes), line }),
    oversized: (byteLength, line) => pieces.push({ oversized: byteLength, line }),
    malformed: (reason, message, line) => pieces.push({ malformed: reason, message, line }),
  };
  const bytes = typeof input === 'string' ? utf8(input) : input;
  const splitter = new NdjsonSplitter(sink, maxTextBytes);
  for (const chunk of chunksOf(bytes, Math.min(chunkSize, Math.max(1, bytes.byteLength)))) splitter.push(chunk);
  splitter.end();
  return pieces;
}

describe('NdjsonSplitter', () => {
  it('hands over each line with its number, trimmed, skipping blank lines, for \\n and \\r\\n alike', () => {
    // Prepare
    const input = '{"a":1}\r\n\r\n  \n\t{"b":2}  \n{"c":3}';
    // Act / Assess
    for (const chunkSize of [1, 2, 5, 100]) {
      expect(split(input, chunkSize)).toEqual([
        { text: '{"a":1}', line: 1 },
        { text: '{"b":2}', line: 4 },
        { text: '{"c":3}', line: 5 },
      ]);
    }
  });

  it('hands a bad line over like any other (the parser rejects it) and the next line starts fresh', () => {
    expect(split('{"a":\n{"b":2}\n')).toEqual([
      { text: '{"a":', line: 1 },
      { text: '{"b":2}', line: 2 },
    ]);
  });

  it('reports a line longer than the limit without buffering it, and goes on after its newline', () => {
    // Prepare
    const long = `{"s":"${'x'.repeat(10_000)}"}`;
    // Act
    const pieces = split(`{"a":1}\n${long}\n{"b":2}\n`, 256, 1000);
    // Assess
    expect(pieces).toEqual([
      { text: '{"a":1}', line: 1 },
      { oversized: long.length, line: 2 },
      { text: '{"b":2}', line: 3 },
    ]);
  });

  it('reports a last line cut inside a value as truncated, and a complete last line without newline as a line', () => {
    expect(split('{"a":1}\n{"b":"cut')).toEqual([
      { text: '{"a":1}', line: 1 },
      { malformed: 'truncated', message: 'input ended inside the value at line 2', line: 2 },
    ]);
    expect(split('{"a":1}\n{"b":2}')).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: '{"b":2}', line: 2 },
    ]);
  });

  it('keeps the bytes of a line that is split inside a multi-byte character', () => {
    // Prepare
    const bytes = utf8('{"s":"é€😀"}\n');
    // Act / Assess
    expect(split(bytes, 1)).toEqual([{ text: '{"s":"é€😀"}', line: 1 }]);
  });
});
