import fc from 'fast-check';
import { findControlByte } from './control-bytes';

/** The rule stated plainly: a byte below 0x20 that is neither a line feed nor a carriage return right before one. */
function naiveFindControlByte(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0x20 || byte === 0x0a) continue;
    if (byte === 0x0d && i + 1 < to && bytes[i + 1] === 0x0a) continue;
    return i;
  }
  return -1;
}

const interestingByte = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0xff }) },
  { weight: 2, arbitrary: fc.constantFrom(0x0a, 0x0d) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }) },
);

describe('findControlByte', () => {
  it('agrees with the plain byte-by-byte rule for any bytes, bounds and buffer alignment', () => {
    fc.assert(
      fc.property(fc.array(interestingByte, { maxLength: 80 }), fc.nat(3), fc.nat(), fc.nat(), (values, offset, a, b) => {
        // Prepare: a view that starts at any offset of its buffer, so all alignments are covered.
        const buffer = new Uint8Array(values.length + offset);
        buffer.set(values, offset);
        const bytes = buffer.subarray(offset);
        const from = values.length === 0 ? 0 : a % (values.length + 1);
        const to = from + (values.length - from === 0 ? 0 : b % (values.length - from + 1));
        // Act + Assess
        expect(findControlByte(bytes, from, to)).toBe(naiveFindControlByte(bytes, from, to));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['a CRLF line end', '{"a":1}\r\n', -1],
    ['a lone carriage return', '{"a":"\r"}\n', 6],
    ['a tab', '{"a":\t1}\n', 5],
    ['a carriage return at the end of the range', '{"a":1}\r', 7],
    ['only line feeds', '\n\n\n\n\n\n\n\n\n', -1],
  ])('handles %s', (_case, text, expected) => {
    const bytes = new TextEncoder().encode(text);
    expect(findControlByte(bytes, 0, bytes.length)).toBe(expected);
  });
});
