/**
 * The scorer, validated against NAB's published results (shared/data/nab): re-scoring the published
 * per-row outputs of five detectors must give the published per-file scores and counts
 * (results/<det>/<det>_<profile>_scores.csv) and the AWS-only normalized scores of SCORES.md.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluateDetector, labelResults, locateWindows, type NabCorpus, PROFILE_NAMES, type ProfileName, sweepValues } from '../nab';
import { readNabCorpus } from './read-corpus';
import { readPublishedResults } from './read-results';

const sharedData = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data');
const nabDir = path.join(sharedData, 'nab');

type Scores = Record<ProfileName, number>;
const scores = (standard: number, lowFp: number, lowFn: number): Scores => ({ standard, reward_low_FP_rate: lowFp, reward_low_FN_rate: lowFn });

/** SCORES.md §2: AWS-only scores at the published corpus-wide thresholds. */
const PUBLISHED_AWS: Readonly<Record<string, Scores>> = {
  numenta: scores(73.42, 65.79, 76.72),
  ARTime: scores(69.48, 58.96, 75.21),
  knncad: scores(60.69, 53.07, 64.91),
  randomCutForest: scores(57.56, 44.9, 64.69),
  windowedGaussian: scores(31.24, 4.92, 41.94),
};

/** SCORES.md §3: AWS-only scores with the threshold re-optimized on the 17 AWS files (NAB's sweep). */
const REOPTIMIZED_AWS: Readonly<Record<string, Scores>> = {
  numenta: scores(73.42, 68.75, 76.72),
  ARTime: scores(69.92, 61.6, 75.5),
  knncad: scores(60.69, 53.07, 64.91),
  randomCutForest: scores(61.35, 50.74, 67.57),
  windowedGaussian: scores(31.24, 4.92, 42.97),
};

/** The AWS rows of a published `<det>_<profile>_scores.csv`, by file. */
function publishedFileScores(detector: string, profile: ProfileName): Map<string, { score: number; tp: number; tn: number; fp: number; fn: number }> {
  const lines = readFileSync(path.join(nabDir, 'results', detector, `${detector}_${profile}_scores.csv`), 'utf8').trim().split(/\r?\n/);
  const rows = new Map<string, { score: number; tp: number; tn: number; fp: number; fn: number }>();
  for (const line of lines.slice(1)) {
    const [, , file, , score, tp, tn, fp, fn] = line.split(',');
    if (file?.startsWith('realAWSCloudwatch/')) rows.set(file, { score: Number(score), tp: Number(tp), tn: Number(tn), fp: Number(fp), fn: Number(fn) });
  }
  return rows;
}

describe('NAB scorer against the published results', () => {
  let corpus: NabCorpus;
  beforeAll(async () => {
    corpus = await readNabCorpus(nabDir);
  });

  it('reads the AWS corpus: 17 files, 30 windows, 31 labels', () => {
    // Assess
    expect(corpus.series).toHaveLength(17);
    expect([...corpus.windows.values()].reduce((n, w) => n + w.length, 0)).toBe(30);
    expect([...corpus.labels.values()].reduce((n, l) => n + l.length, 0)).toBe(31);
  });

  it.each(Object.keys(PUBLISHED_AWS))('%s: per-file scores and counts equal the published scores CSVs, and the AWS scores equal SCORES.md', async (detector) => {
    // Prepare
    const results = labelResults(corpus, await readPublishedResults(nabDir, detector, corpus), detector);
    const thresholds = corpus.thresholds.get(detector);
    // Act
    const evaluation = evaluateDetector(results, { profiles: corpus.profiles, ...(thresholds === undefined ? {} : { thresholds }) });
    // Assess
    for (const profile of PROFILE_NAMES) {
      const published = publishedFileScores(detector, profile);
      expect(evaluation[profile].files).toHaveLength(published.size);
      for (const file of evaluation[profile].files) {
        const want = published.get(file.file);
        // The legacy CSVs print 12 significant digits.
        expect(Math.abs(file.score - (want?.score ?? Number.NaN))).toBeLessThan(1e-9);
        expect({ tp: file.tp, tn: file.tn, fp: file.fp, fn: file.fn }).toEqual({ tp: want?.tp, tn: want?.tn, fp: want?.fp, fn: want?.fn });
      }
      expect(evaluation[profile].optimized).toBe(false);
      expect(Math.abs(evaluation[profile].normalizedScore - (PUBLISHED_AWS[detector]?.[profile] ?? Number.NaN))).toBeLessThan(0.005 + 1e-9);
    }
  });

  it.each(Object.keys(REOPTIMIZED_AWS))('%s: the exhaustive threshold sweep on the AWS files finds the scores of SCORES.md §3', async (detector) => {
    // Prepare
    const results = labelResults(corpus, await readPublishedResults(nabDir, detector, corpus), detector);
    // Act
    const evaluation = evaluateDetector(results, { profiles: corpus.profiles });
    // Assess
    for (const profile of PROFILE_NAMES) {
      expect(evaluation[profile].optimized).toBe(true);
      expect(Math.abs(evaluation[profile].normalizedScore - (REOPTIMIZED_AWS[detector]?.[profile] ?? Number.NaN))).toBeLessThan(0.005 + 1e-9);
    }
  });

  it("equals ARTime's per-row S(t) columns, written by NAB's current scorer, on every row (SCORING.md §9.2)", () => {
    for (const series of corpus.series) {
      // Prepare
      const name = path.posix.basename(series.file);
      const [header = '', ...rows] = readFileSync(path.join(nabDir, 'results', 'ARTime', 'realAWSCloudwatch', `ARTime_${name}`), 'utf8').trim().split(/\r?\n/);
      const columns = header.split(',');
      const windows = locateWindows(series.timestamps, corpus.windows.get(series.file) ?? [], series.file);
      for (const profile of PROFILE_NAMES) {
        // Act
        const sweep = sweepValues(series.values.length, windows, corpus.profiles[profile]);
        // Assess
        const column = columns.indexOf(`S(t)_${profile}`);
        const published = rows.map((row) => Number(row.split(',')[column]));
        expect(published).toHaveLength(sweep.length);
        expect(Math.max(...published.map((value, i) => Math.abs(value - (sweep[i] ?? Number.NaN))))).toBeLessThan(1e-9);
      }
    }
  });
});
