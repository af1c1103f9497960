import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NabInputError } from '../nab';
import { NabDirectoryError } from './errors';
import { readNabCorpus } from './read-corpus';
import { publishedDetectors, readPublishedResults } from './read-results';
import { writeNabResults } from './write-results';

const DATA = 'timestamp,value\n2014-02-14 14:30:00,1\n2014-02-14 14:35:00,2\n2014-02-14 14:40:00,3\n';
const WINDOWS = '{"c/a.csv": [["2014-02-14 14:35:00.000000", "2014-02-14 14:40:00.000000"]]}';

/** A NAB-layout directory with one data file and the given extra files (path -> text). */
function nabDirectory(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tp-nab-'));
  const all: Record<string, string> = { 'data/c/a.csv': DATA, 'labels/combined_windows.json': WINDOWS, ...files };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('readNabCorpus', () => {
  it('reads data and windows, with NAB\'s profiles and no thresholds when config/ is absent', async () => {
    // Act
    const corpus = await readNabCorpus(nabDirectory());
    // Assess
    expect(corpus.series.map((s) => s.file)).toEqual(['c/a.csv']);
    expect(corpus.windows.get('c/a.csv')).toHaveLength(1);
    expect(corpus.profiles.reward_low_FN_rate.fnWeight).toBe(2);
    expect(corpus.thresholds.size).toBe(0);
  });

  it.each([
    ['a missing directory', () => '/nonexistent/nab', NabDirectoryError, 'NAB data directory /nonexistent/nab does not exist'],
    ['an empty windows file', () => nabDirectory({ 'labels/combined_windows.json': '' }), NabInputError, 'combined_windows.json: not valid JSON'],
    ['a malformed data row', () => nabDirectory({ 'data/c/a.csv': `${DATA}2014-02-14 14:45:00,x\n` }), NabInputError, 'a.csv line 5: value "x" is not a finite number'],
    ['a data file without windows entry', () => nabDirectory({ 'data/c/b.csv': DATA }), NabInputError, 'no entry for data file "c/b.csv"'],
    ['windows for a missing file', () => nabDirectory({ 'labels/combined_windows.json': '{"c/a.csv": [], "c/z.csv": []}' }), NabInputError, '"c/z.csv", which is not a file under data/'],
  ])('refuses %s with an error naming the file', async (_case, root, errorClass, message) => {
    // Act
    const reading = readNabCorpus(root());
    // Assess
    await expect(reading).rejects.toThrow(errorClass);
    await expect(readNabCorpus(root())).rejects.toThrow(message);
  });

  it('refuses a directory without data files', async () => {
    // Prepare
    const root = mkdtempSync(path.join(tmpdir(), 'tp-nab-'));
    // Act + Assess
    await expect(readNabCorpus(root)).rejects.toThrow(NabDirectoryError);
  });
});

describe('NAB result files', () => {
  it('writes NAB\'s results layout and columns, which the published-results reader reads back', async () => {
    // Prepare
    const root = nabDirectory();
    const corpus = await readNabCorpus(root);
    const scores = new Map([['c/a.csv', { file: 'c/a.csv', timestamps: corpus.series[0]?.timestamps ?? [], anomalyScores: [0, 0.25, 0.5] }]]);
    // Act
    const written = await writeNabResults(path.join(root, 'results'), 'mine', corpus, scores);
    // Assess
    expect(written).toEqual([path.join(root, 'results', 'mine', 'c', 'mine_a.csv')]);
    expect(readFileSync(written[0] ?? '', 'utf8')).toBe(
      'timestamp,value,anomaly_score,label\n2014-02-14 14:30:00,1,0,0\n2014-02-14 14:35:00,2,0.25,1\n2014-02-14 14:40:00,3,0.5,1\n',
    );
    expect(await publishedDetectors(root)).toEqual(['mine']);
    expect((await readPublishedResults(root, 'mine', corpus)).get('c/a.csv')?.anomalyScores).toEqual([0, 0.25, 0.5]);
  });
});
