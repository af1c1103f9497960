/**
 * NAB-score regression of the registered detectors on the 17 AWS files of shared/data/nab, in-sample
 * (threshold optimized on the files, as NAB does). The expected figures are the in-sample table of
 * docs/anomaly.md, measured by `trailpulse nab`; a detector that changes behaviour changes them.
 * The random cut forest is slow under Jest (about six times slower than plain Node), so it runs with
 * 20 trees on two files against a loose floor (measured 2026-12-01: 92.8 standard).
 */
import * as path from 'node:path';
import { evaluateDetector, labelResults, type NabCorpus, PROFILE_NAMES, type ProfileName, runDetector, type ScoredSeries } from './nab';
import { readNabCorpus } from './node';
import { randomCutForest } from './rcf';
import { findDetector, type RegisteredDetector } from './registry';

const sharedData = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'data');
const FOREST_FILES = ['realAWSCloudwatch/ec2_cpu_utilization_825cc2.csv', 'realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv'];
/** Documented scores have two decimals. */
const TOLERANCE = 0.006;

function evaluate(corpus: NabCorpus, { name, factory, scale }: RegisteredDetector): { scores: Record<ProfileName, number>; microseconds: number } {
  const started = performance.now();
  const results = new Map<string, ScoredSeries>(corpus.series.map((series) => [series.file, runDetector(factory(), scale, series)]));
  const points = corpus.series.reduce((sum, series) => sum + series.values.length, 0);
  const evaluation = evaluateDetector(labelResults(corpus, results, name));
  const scores = Object.fromEntries(PROFILE_NAMES.map((profile) => [profile, evaluation[profile].normalizedScore])) as Record<ProfileName, number>;
  return { scores, microseconds: (1000 * (performance.now() - started)) / points };
}

describe('registered detectors on the NAB AWS files', () => {
  jest.setTimeout(180_000);
  let corpus: NabCorpus;

  beforeAll(async () => {
    corpus = await readNabCorpus(path.join(sharedData, 'nab'));
  });

  it.each<[string, Record<ProfileName, number>]>([
    ['robust-likelihood', { standard: 78.08, reward_low_FP_rate: 74.43, reward_low_FN_rate: 80.94 }],
    ['ewma-likelihood', { standard: 61.32, reward_low_FP_rate: 58.21, reward_low_FN_rate: 64.21 }],
    ['robust-zscore', { standard: 48.08, reward_low_FP_rate: 44.8, reward_low_FN_rate: 50.94 }],
    ['ewma-zscore', { standard: 21.58, reward_low_FP_rate: 4.76, reward_low_FN_rate: 36.78 }],
  ])('%s scores as documented on all 17 files and three profiles', (name, documented) => {
    // Act
    const { scores, microseconds } = evaluate(corpus, findDetector(name));
    // Assess
    expect(corpus.series).toHaveLength(17);
    for (const profile of PROFILE_NAMES) expect(Math.abs(scores[profile] - documented[profile])).toBeLessThan(TOLERANCE);
    process.stdout.write(`${name}: NAB ${PROFILE_NAMES.map((p) => scores[p].toFixed(2)).join(' / ')}, ${microseconds.toFixed(1)} µs/update under Jest\n`);
  });

  it('random-cut-forest with 20 trees scores above its floor on two files (NAB standard)', () => {
    // Prepare
    const twoFiles = { ...corpus, series: corpus.series.filter((series) => FOREST_FILES.includes(series.file)) };
    const forest = { ...findDetector('random-cut-forest'), factory: () => randomCutForest({ trees: 20 }) };
    // Act
    const { scores } = evaluate(twoFiles, forest);
    // Assess
    expect(twoFiles.series).toHaveLength(FOREST_FILES.length);
    expect(scores.standard).toBeGreaterThan(60);
  });
});
