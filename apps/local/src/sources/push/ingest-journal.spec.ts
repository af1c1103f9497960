import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestJournal, type JournalEntry } from './ingest-journal';

const encoder = new TextEncoder();
const text = (entry: JournalEntry): string => new TextDecoder().decode(entry.body);

async function all(journal: IngestJournal, afterSeq = -1, throughSeq = Number.MAX_SAFE_INTEGER, damaged: string[] = []): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  for await (const entry of journal.entries(afterSeq, throughSeq, (message) => damaged.push(message))) out.push(entry);
  return out;
}

describe('IngestJournal (write-ahead log of HTTP ingest)', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'tp-journal-')), 'journal');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('reads back, after a reopen, every request appended: seq, format and the body chunks joined', async () => {
    // Prepare
    const journal = await IngestJournal.open(dir);
    await journal.append(10, 'ndjson', [encoder.encode('{"a":'), encoder.encode('1}\n')]);
    await journal.append(11, 'json', [encoder.encode('[{"b":2}]')]);
    await journal.close();
    // Act
    const reopened = await IngestJournal.open(dir);
    const entries = await all(reopened);
    // Assess
    expect(reopened.lastSeq).toBe(11);
    expect(entries.map((entry) => [entry.seq, entry.format, text(entry)])).toEqual([
      [10, 'ndjson', '{"a":1}\n'],
      [11, 'json', '[{"b":2}]'],
    ]);
    expect((await all(reopened, 10)).map((entry) => entry.seq)).toEqual([11]);
    expect((await all(reopened, -1, 10)).map((entry) => entry.seq)).toEqual([10]);
    await reopened.close();
  });

  it('refuses a seq that does not increase', async () => {
    const journal = await IngestJournal.open(dir);
    await journal.append(5, 'ndjson', [encoder.encode('x')]);
    await expect(journal.append(5, 'ndjson', [encoder.encode('y')])).rejects.toThrow(/must increase/);
    await journal.append(6, 'ndjson', [encoder.encode('z')]);
    expect((await all(journal)).map(text)).toEqual(['x', 'z']);
    await journal.close();
  });

  it('cuts off a torn last entry (the process died inside the write) and appends after it', async () => {
    // Prepare: two entries, then the start of a third that never finished
    const journal = await IngestJournal.open(dir);
    await journal.append(1, 'ndjson', [encoder.encode('one')]);
    await journal.append(2, 'ndjson', [encoder.encode('two')]);
    await journal.close();
    const [segment] = readdirSync(dir);
    const path = join(dir, segment as string);
    const intact = statSync(path).size;
    const torn = Buffer.alloc(12);
    torn.writeUInt32LE(500, 0);
    appendFileSync(path, torn);
    // Act
    const reopened = await IngestJournal.open(dir);
    await reopened.append(3, 'ndjson', [encoder.encode('three')]);
    // Assess
    expect(statSync(path).size).toBe(intact);
    expect((await all(reopened)).map(text)).toEqual(['one', 'two', 'three']);
    await reopened.close();
  });

  it('skips an entry that does not read back as written, says where, and recovers the ones after it', async () => {
    // Prepare: flip one byte of the second entry's body
    const journal = await IngestJournal.open(dir);
    for (const [seq, body] of [[1, 'first'], [2, 'second'], [3, 'third']] as const) await journal.append(seq, 'ndjson', [encoder.encode(body)]);
    await journal.close();
    const path = join(dir, readdirSync(dir)[0] as string);
    const bytes = readFileSync(path);
    const at = bytes.indexOf('second');
    bytes[at] = 'S'.charCodeAt(0);
    writeFileSync(path, bytes);
    const damaged: string[] = [];
    // Act
    const entries = await all(await IngestJournal.open(dir), -1, Number.MAX_SAFE_INTEGER, damaged);
    // Assess
    expect(entries.map(text)).toEqual(['first', 'third']);
    expect(damaged).toEqual([expect.stringMatching(/entry at byte \d+ does not read back as written; that request is not recovered/)]);
  });

  it('starts new segments as they fill, and release deletes those every row holds (never the last)', async () => {
    // Prepare: segments of at most ~40 bytes, so every entry starts a new one
    const journal = await IngestJournal.open(dir, { segmentBytes: 40 });
    for (let seq = 1; seq <= 4; seq++) await journal.append(seq, 'ndjson', [encoder.encode(`request ${seq} ${'x'.repeat(30)}`)]);
    const before = readdirSync(dir).length;
    // Act
    await journal.release(2);
    const afterTwo = readdirSync(dir).length;
    await journal.release(4);
    // Assess
    expect(before).toBe(4);
    expect(afterTwo).toBe(2);
    expect(readdirSync(dir)).toHaveLength(1);
    expect((await all(journal)).map((entry) => entry.seq)).toEqual([4]);
    await journal.close();
  });
});
