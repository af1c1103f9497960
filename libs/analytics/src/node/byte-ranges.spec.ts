import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lineAlignedRanges } from './byte-ranges';

describe('lineAlignedRanges', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'byte-ranges-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers the file exactly once, every range starting at a line start, whatever the line lengths and range size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(200), { maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 500 }),
        fc.boolean(),
        async (lineLengths, finalLineFeed, maxTargetBytes, shrinking) => {
          // A fixed size, or sizes shrinking towards the end (as analyzeFiles plans them).
          const targetBytes = shrinking ? (position: number): number => Math.min(maxTargetBytes, Math.ceil((text.length - position) / 8)) : maxTargetBytes;
          // Prepare: lines of 'x' of the given lengths (empty lines included).
          const text = lineLengths.map((length) => 'x'.repeat(length)).join('\n') + (finalLineFeed && lineLengths.length > 0 ? '\n' : '');
          const file = path.join(dir, 'lines.ndjson');
          writeFileSync(file, text);
          const size = Buffer.byteLength(text);
          // Act
          const ranges = await lineAlignedRanges(file, size, targetBytes);
          // Assess
          let expectedStart = 0;
          for (const range of ranges) {
            expect(range.start).toBe(expectedStart);
            expect(range.end).toBeGreaterThan(range.start);
            expect(range.start === 0 || text.charAt(range.start - 1) === '\n').toBe(true);
            expectedStart = range.end;
          }
          expect(expectedStart).toBe(size);
          const rejoined = ranges.map(({ start, end }) => readFileSync(file).subarray(start, end).toString('utf8')).join('');
          expect(rejoined).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });
});
