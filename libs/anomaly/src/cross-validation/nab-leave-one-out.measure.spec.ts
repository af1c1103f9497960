/**
 * The leave-one-out evaluation of docs/anomaly.md on shared/data/nab, opt-in because it runs 13
 * detector settings over the 17 AWS files three times (about a minute):
 *   TRAILPULSE_NAB_MEASURE=1 npx jest -c libs/anomaly/jest.config.cjs nab-leave-one-out
 * It prints, and asserts nothing: the numbers are measurements, not expectations.
 */
import * as path from 'node:path';
import { type NabCorpus, PROFILE_NAMES } from '../nab';
import { readNabCorpus } from '../node';
import { robustZScore, type SurpriseMode } from '../robust';
import { ewmaZScore } from '../simple';
import { type Candidate, leaveOneOut } from './leave-one-out';

const sharedData = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data');

/**
 * The robust-zscore grid: windows of 4 hours, 1 day and 5 days of 5-minute points; spread floors of
 * 1% and 10% of the median; the z-score itself or relative to the record.
 */
const ROBUST_GRID: Candidate[] = [48, 288, 1440].flatMap((window) =>
  [0.01, 0.1].flatMap((relativeFloor) =>
    (['absolute', 'record'] as SurpriseMode[]).map((surprise) => ({ label: `robust-zscore window ${window} floor ${relativeFloor} ${surprise}`, scale: 'unbounded' as const, factory: robustZScore({ window, relativeFloor, surprise }) })),
  ),
);
/** ewma-zscore has fixed parameters: only its threshold is chosen per fold. */
const EWMA: Candidate[] = [{ label: 'ewma-zscore', scale: 'unbounded', factory: ewmaZScore() }];

const describeMeasurement = process.env['TRAILPULSE_NAB_MEASURE'] === '1' ? describe : describe.skip;

describeMeasurement('leave-one-out NAB evaluation (measurement)', () => {
  jest.setTimeout(600_000);
  let corpus: NabCorpus;

  beforeAll(async () => {
    corpus = await readNabCorpus(path.join(sharedData, 'nab'));
  });

  it.each([
    ['ewma-zscore', EWMA],
    ['robust-zscore', ROBUST_GRID],
  ])('%s: held-out scores per profile and fold', (name, grid) => {
    for (const profile of PROFILE_NAMES) {
      // Act
      const result = leaveOneOut(corpus, grid, profile);
      // Assess (print only)
      const folds = result.folds.map((fold) => `  ${fold.file}  ${fold.chosen}  threshold ${fold.threshold.toFixed(4)}  held-out raw ${fold.rawScore.toFixed(3)}`);
      process.stdout.write(`${name} ${profile}: held-out normalized ${result.normalizedScore.toFixed(2)}\n${folds.join('\n')}\n`);
      expect(result.folds).toHaveLength(corpus.series.length);
    }
  });
});
