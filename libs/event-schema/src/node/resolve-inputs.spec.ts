import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { InputPathError } from './input-path-error';
import { readPaths } from './read-paths';
import { resolveInputs } from './resolve-inputs';

describe('resolveInputs', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'trailpulse-resolve-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function write(relative: string, content = '{}'): string {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  it('walks directories recursively in lexical order of full paths, reading only JSON/NDJSON files', async () => {
    // Prepare
    for (const file of ['b/x.json', 'a-c/y.JSONL', 'a/z.ndjson', 'a/readme.md', 'top.json.gz', 'data.csv', 'a/deep/er/w.ndjson.gz', 'SHA256SUMS']) write(file, 'xx');
    // Act
    const resolved = await resolveInputs([root]);
    // Assess: '-' (0x2d) sorts before '/' (0x2f), so a-c/ comes before a/
    expect(resolved.entries.map((entry) => [path.relative(root, entry.path), entry.kind])).toEqual([
      ['SHA256SUMS', 'skip'],
      ['a-c/y.JSONL', 'file'],
      ['a/deep/er/w.ndjson.gz', 'file'],
      ['a/readme.md', 'skip'],
      ['a/z.ndjson', 'file'],
      ['b/x.json', 'file'],
      ['data.csv', 'skip'],
      ['top.json.gz', 'file'],
    ]);
    expect(resolved.entries.filter((entry) => entry.kind === 'skip').map((entry) => entry.kind === 'skip' && entry.reason)).toEqual([
      'unsupported-extension',
      'unsupported-extension',
      'unsupported-extension',
    ]);
    expect(resolved.totalBytes).toBe(5 * 2);
  });

  it('always reads a file named explicitly, keeps the order of the arguments, and takes - for stdin', async () => {
    // Prepare
    const license = write('LICENSE', 'Apache');
    const json = write('a.json', '[]');
    // Act
    const resolved = await resolveInputs([license, '-', json]);
    // Assess
    expect(resolved.entries).toEqual([
      { kind: 'file', path: license, sizeBytes: 6 },
      { kind: 'stdin', path: '-' },
      { kind: 'file', path: json, sizeBytes: 2 },
    ]);
    expect(resolved.totalBytes).toBe(8);
  });

  it('follows symlinks but walks a directory reached again through a loop only once', async () => {
    // Prepare
    write('d/a.json');
    symlinkSync(path.join(root, 'd'), path.join(root, 'd', 'loop'));
    symlinkSync(path.join(root, 'd', 'a.json'), path.join(root, 'link.json'));
    // Act
    const resolved = await resolveInputs([root]);
    // Assess
    expect(resolved.entries.map((entry) => path.relative(root, entry.path))).toEqual(['d/a.json', 'link.json']);
  });

  it('reports a broken symlink in a directory as unreadable instead of failing', async () => {
    // Prepare
    symlinkSync(path.join(root, 'missing.json'), path.join(root, 'broken.json'));
    // Act
    const resolved = await resolveInputs([root]);
    // Assess
    expect(resolved.entries).toEqual([{ kind: 'skip', path: path.join(root, 'broken.json'), reason: 'unreadable', message: 'cannot be read (ENOENT)' }]);
  });

  it('throws InputPathError, with the cause, for a path that does not exist', async () => {
    // Prepare
    const missing = path.join(root, 'nope.json');
    // Act
    const error = await resolveInputs([write('ok.json'), missing]).catch((caught: unknown) => caught);
    // Assess
    expect(error).toBeInstanceOf(InputPathError);
    expect(error).toMatchObject({ name: 'InputPathError', path: missing, message: `input path ${missing} does not exist`, cause: { code: 'ENOENT' } });
  });

  it('makes readPaths fail before it yields anything when one path does not exist', async () => {
    // Prepare
    const batches: unknown[] = [];
    // Act
    const reading = (async () => {
      for await (const batch of readPaths([write('ok.json'), path.join(root, 'nope.json')])) batches.push(batch);
    })();
    // Assess
    await expect(reading).rejects.toBeInstanceOf(InputPathError);
    expect(batches).toEqual([]);
  });
});
