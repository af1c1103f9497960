/**
 * Properties of the core reader over generated input: every layout and every way of cutting the bytes
 * into chunks gives the records JSON.parse gives; damage is contained and reported, never thrown.
 */
import fc from 'fast-check';
import { acceptableRecord, LAYOUTS, layOut, trickyString } from '../../test/record-arbitraries';
import { readText, splitAt, utf8, validRecord } from '../../test/read-helpers';

/** Cut points anywhere in the bytes: inside multi-byte characters, escapes, keys, between records. */
const cutPoints = fc.array(fc.nat(), { maxLength: 30 });

const encoder = new TextEncoder();
const byteOffset = (text: string, utf16Offset: number): number => encoder.encode(text.slice(0, utf16Offset)).byteLength;

describe('readRecords properties', () => {
  it('reads every layout, cut into any chunks, to exactly the records JSON.parse reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(acceptableRecord, { maxLength: 8 }), fc.constantFrom(...LAYOUTS), cutPoints, async (records, layout, cuts) => {
        // Prepare
        const { text, source } = layOut(records, layout);
        const bytes = utf8(text);
        // Act
        const read = await readText(splitAt(bytes, cuts.map((cut) => cut % (bytes.byteLength + 1))), { source });
        // Assess
        expect(read.rejected).toEqual([]);
        expect(read.accepted.map((accepted) => accepted.record)).toEqual(JSON.parse(JSON.stringify(records)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the records before a cut-off end and reports the cut once, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(acceptableRecord, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...LAYOUTS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        cutPoints,
        async (records, layout, where, cuts) => {
          // Prepare: cut strictly inside the text (not before its first byte, not after its last)
          const { text, source, recordEnds } = layOut(records, layout);
          const bytes = utf8(text);
          const end = 1 + Math.floor(where * (bytes.byteLength - 1));
          const kept = recordEnds.filter((recordEnd) => byteOffset(text, recordEnd) <= end).length;
          const insideValue = layout.includes('ndjson')
            ? !isBetweenLines(bytes, end, recordEnds.map((recordEnd) => byteOffset(text, recordEnd)))
            : !isWhitespace(bytes.subarray(end));
          // Act
          const read = await readText(splitAt(bytes.subarray(0, end), cuts), { source });
          // Assess
          expect(read.accepted.map((accepted) => accepted.record)).toEqual(JSON.parse(JSON.stringify(records.slice(0, kept))));
          expect(read.rejected.map((rejected) => rejected.reason)).toEqual(insideValue ? ['truncated'] : []);
          for (const rejected of read.rejected) expect(rejected.location.line).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('contains garbage inserted into NDJSON lines to those lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ record: acceptableRecord, garbage: fc.option(fc.uint8Array({ minLength: 1, maxLength: 8 }).map(withoutNewlines)), at: fc.nat() }), {
          minLength: 1,
          maxLength: 8,
        }),
        cutPoints,
        async (lines, cuts) => {
          // Prepare
          const lineBytes = lines.map(({ record, garbage, at }) => insert(utf8(JSON.stringify(record)), garbage, at));
          const bytes = utf8Join(lineBytes);
          // Act
          const read = await readText(splitAt(bytes, cuts), { source: 'input.ndjson' });
          // Assess: an untouched line gives its record; a damaged line gives exactly one result
          lines.forEach(({ record, garbage }, i) => {
            const accepted = read.accepted.filter((a) => a.location.line === i + 1);
            const rejected = read.rejected.filter((r) => r.location.line === i + 1);
            if (garbage === null) expect(accepted.map((a) => a.record)).toEqual([JSON.parse(JSON.stringify(record))]);
            expect(accepted.length + rejected.length).toBe(1);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads values nested 10,000+ levels deep without overflowing the stack, each with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 10_000, max: 30_000 }), fc.constantFrom('json', 'ndjson'), async (depth, format) => {
        // Prepare: a deep array, a record holding a deep object, and an unclosed deep array at the end
        const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        const deepRecord = JSON.stringify(validRecord('Deep')).replace(/}$/, `,"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
        const input = [deepArray, deepRecord, JSON.stringify(validRecord('After')), '['.repeat(depth)].join('\n');
        // Act
        const read = await readText(input, { format });
        // Assess
        expect(read.accepted.map((a) => a.record.eventName)).toEqual(['Deep', 'After']);
        expect(read.rejected.map((r) => r.reason)).toEqual(['not-an-object', 'truncated']);
      }),
      { numRuns: 6 },
    );
  });

  it('rejects a record with a 5 MB string as too-large without reading it, and reads the next one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LAYOUTS), trickyString(), fc.integer({ min: 1, max: 1 << 16 }), async (layout, filler, chunkSize) => {
        // Prepare
        const huge = validRecord('Huge', { pad: `${filler}${'x'.repeat(5_000_000)}${filler}` });
        const { text, source } = layOut([validRecord('Before'), huge, validRecord('After')], layout);
        const bytes = utf8(text);
        const chunks: Uint8Array[] = [];
        for (let start = 0; start < bytes.byteLength; start += chunkSize * 16) chunks.push(bytes.subarray(start, start + chunkSize * 16));
        // Act
        const read = await readText(chunks, { source });
        // Assess
        expect(read.accepted.map((a) => a.record.eventName)).toEqual(['Before', 'After']);
        expect(read.rejected.map((r) => [r.reason, r.message.includes('not read')])).toEqual([['too-large', true]]);
      }),
      { numRuns: 16 },
    );
  });
});

/** Whether `end` falls where the NDJSON text holds no partial record: right after a record or in the separators. */
function isBetweenLines(bytes: Uint8Array, end: number, recordEnds: readonly number[]): boolean {
  const previousEnd = Math.max(0, ...recordEnds.filter((recordEnd) => recordEnd <= end));
  return isWhitespace(bytes.subarray(previousEnd, end));
}

function isWhitespace(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0x0a || byte === 0x0d || byte === 0x20);
}

function withoutNewlines(bytes: Uint8Array): Uint8Array {
  return bytes.map((byte) => (byte === 0x0a ? 0x20 : byte));
}

function insert(line: Uint8Array, garbage: Uint8Array | null, at: number): Uint8Array {
  if (garbage === null) return line;
  const position = at % (line.byteLength + 1);
  return Uint8Array.from([...line.subarray(0, position), ...garbage, ...line.subarray(position)]);
}

function utf8Join(lines: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(lines.flatMap((line) => [...line, 0x0a]));
}
