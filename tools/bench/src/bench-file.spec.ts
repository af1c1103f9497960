import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useTempDir } from '../test/temp-dir';
import { ensureTrailFile, trailFileName } from './bench-file';
import { resolveGeneratorOptions } from './generator';

const tempDir = useTempDir();

describe('trailFileName', () => {
  it('names the seed and size and changes with any option', () => {
    const options = resolveGeneratorOptions({ records: 1000 });
    expect(trailFileName(options)).toMatch(/^trail-g\d+-seed20240101-1000r-3600s-[0-9a-f]{10}\.ndjson$/);
    expect(trailFileName(resolveGeneratorOptions({ records: 1000, hotIpShare: 0.4 }))).not.toBe(trailFileName(options));
  });
});

describe('ensureTrailFile', () => {
  it('generates a file once and reuses it afterwards', async () => {
    const lines: string[] = [];
    const first = await ensureTrailFile(tempDir(), { records: 200 }, (line) => lines.push(line));
    const second = await ensureTrailFile(tempDir(), { records: 200 }, (line) => lines.push(line));
    expect(first).toMatchObject({ reused: false, records: 200 });
    expect(second).toEqual({ ...first, reused: true });
    expect(path.dirname(first.file)).toBe(tempDir());
    expect(readFileSync(first.file, 'utf8').split('\n')).toHaveLength(201);
  });
});
