import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { asAsync, utf8, validRecord } from '../../test/read-helpers';
import { addBatch, createReadStats } from '../reader';
import { readPaths, type SourceBatch } from './read-paths';

async function readAll(paths: string[], options: Parameters<typeof readPaths>[1] = {}): Promise<SourceBatch[]> {
  const batches: SourceBatch[] = [];
  for await (const batch of readPaths(paths, options)) batches.push(batch);
  return batches;
}

const ndjson = (...names: string[]): string => names.map((name) => JSON.stringify(validRecord(name))).join('\n');

describe('readPaths', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'trailpulse-read-paths-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function write(name: string, content: string | Uint8Array): string {
    const file = path.join(root, name);
    writeFileSync(file, content);
    return file;
  }

  it('recognises gzip by its magic bytes, not its name, and counts the compressed bytes read', async () => {
    // Prepare
    const gzipped = write('trail.json', gzipSync(JSON.stringify({ Records: [validRecord('A'), validRecord('B')] })));
    const plainDespiteName = write('events.ndjson.gz', ndjson('C'));
    // Act
    const batches = await readAll([gzipped, plainDespiteName]);
    // Assess
    expect(batches.flatMap((b) => b.accepted.map((a) => [a.record.eventName, a.location.source]))).toEqual([
      ['A', gzipped],
      ['B', gzipped],
      ['C', plainDespiteName],
    ]);
    const lastOf = (source: string) => batches.filter((b) => b.source === source).at(-1);
    expect(lastOf(gzipped)).toMatchObject({ endOfSource: true, bytesRead: statSync(gzipped).size });
    expect(lastOf(plainDespiteName)).toMatchObject({ endOfSource: true, bytesRead: statSync(plainDespiteName).size });
  });

  it('reads concatenated gzip members as one stream', async () => {
    // Prepare
    const file = write('firehose.ndjson', Buffer.concat([gzipSync(`${ndjson('A')}\n`), gzipSync(`${ndjson('B')}\n`)]));
    // Act
    const batches = await readAll([file]);
    // Assess
    expect(batches.flatMap((b) => b.accepted.map((a) => a.record.eventName))).toEqual(['A', 'B']);
  });

  it('reports corrupt gzip as a skip in that file\'s last batch, keeps what came before, and reads the next file', async () => {
    // Prepare
    const whole = gzipSync(`${ndjson(...Array.from({ length: 2000 }, (_, i) => `R${i}`))}\n`);
    const truncated = write('cut.ndjson.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const garbage = write('garbage.json.gz', Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    const next = write('next.ndjson', ndjson('Next'));
    const stats = createReadStats();
    // Act
    const batches = await readAll([truncated, garbage, next]);
    for (const batch of batches) addBatch(stats, batch);
    // Assess
    const fromTruncated = batches.filter((b) => b.source === truncated);
    expect(fromTruncated.flatMap((b) => b.accepted).length).toBeGreaterThan(0);
    expect(fromTruncated.at(-1)?.skipped).toEqual([
      { reason: 'corrupt-gzip', message: expect.stringMatching(/^gzip data is corrupt \(unexpected end of file\) within the first [\d,]+ bytes; the records before it were kept$/) as string, location: { source: truncated } },
    ]);
    expect(batches.filter((b) => b.source === garbage).flatMap((b) => b.skipped.map((s) => s.reason))).toEqual(['corrupt-gzip']);
    expect(batches.filter((b) => b.source === next).flatMap((b) => b.accepted.map((a) => a.record.eventName))).toEqual(['Next']);
    expect(stats.read).toBe(stats.accepted + stats.rejected);
    expect(stats.filesSkipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['cut.ndjson.gz', 'corrupt-gzip'],
      ['garbage.json.gz', 'corrupt-gzip'],
    ]);
  });

  it('reads - from the given stdin stream, sniffing its format', async () => {
    // Act
    const batches = await readAll(['-'], { stdin: asAsync([utf8(`${ndjson('A', 'B')}\n`)]) });
    // Assess
    expect(batches.flatMap((b) => b.accepted.map((a) => [a.record.eventName, a.location]))).toEqual([
      ['A', { source: 'stdin', line: 1, index: 0 }],
      ['B', { source: 'stdin', line: 2, index: 1 }],
    ]);
  });

  it('reads a directory: skipped files reported in order, each source ending with one endOfSource batch', async () => {
    // Prepare
    write('a.ndjson', ndjson('A'));
    write('LICENSE', 'Apache License');
    write('b.json', JSON.stringify([validRecord('B')], null, 2));
    const stats = createReadStats();
    // Act
    const batches = await readAll([root]);
    for (const batch of batches) addBatch(stats, batch);
    // Assess
    expect(batches.filter((b) => b.endOfSource).map((b) => path.basename(b.source))).toEqual(['LICENSE', 'a.ndjson', 'b.json']);
    expect(stats).toMatchObject({ read: 2, accepted: 2, rejected: 0, filesRead: 2 });
    expect(stats.filesSkipped).toEqual([{ path: path.join(root, 'LICENSE'), reason: 'unsupported-extension' }]);
    expect(stats.bytesRead).toBe(statSync(path.join(root, 'a.ndjson')).size + statSync(path.join(root, 'b.json')).size);
  });

  it('passes format and size options on to the reader', async () => {
    // Prepare
    const file = write('lines.json', `${ndjson('A')}\n${JSON.stringify(validRecord('B', { pad: 'x'.repeat(300) }))}`);
    // Act
    const batches = await readAll([file], { format: 'ndjson', maxRecordBytes: 200 });
    // Assess
    expect(batches.flatMap((b) => b.accepted.map((a) => a.record.eventName))).toEqual(['A']);
    expect(batches.flatMap((b) => b.rejected.map((r) => [r.reason, r.location.line]))).toEqual([['too-large', 2]]);
  });
});
