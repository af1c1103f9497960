/**
 * The leave-one-out evaluation of docs/anomaly.md on shared/data/nab, opt-in because it runs 39
 * detector settings over the 17 AWS files three times (several minutes):
 *   TRAILPULSE_NAB_MEASURE=1 npx jest -c libs/anomaly/jest.config.cjs nab-leave-one-out
 * It prints, and asserts nothing: the numbers are measurements, not expectations.
 */
import * as path from 'node:path';
import { type NabCorpus, PROFILE_NAMES } from '../nab';
import { readNabCorpus } from '../node';
import { ewmaLikelihood, robustLikelihood } from '../likelihood';
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
/**
 * The robust-likelihood grid (24 settings): the likelihood's half-life of 250 or 500 points (about one
 * or two days of 5-minute points), a refractory period of 50 or 200 rows, a learning period of 150,
 * 300 or 600 points (around NAB's probationary period of 15% of a file) and the z-score that saturates
 * the raw score, 5 or 10. Novelty tolerance (5%, Numenta's spatial tolerance), window (1440) and
 * relative floor (0.1, robust-zscore's choice) are fixed.
 */
const LIKELIHOOD_GRID: Candidate[] = [250, 500].flatMap((halfLife) =>
  [50, 200].flatMap((refractoryRows) =>
    [150, 300, 600].flatMap((learningPeriod) =>
      [5, 10].map((zScale) => ({
        label: `robust-likelihood halfLife ${halfLife} refractory ${refractoryRows} learning ${learningPeriod} zScale ${zScale}`,
        scale: 'unit' as const,
        factory: robustLikelihood({ halfLife, refractoryRows, learningPeriod, zScale }),
      })),
    ),
  ),
);
/** ewma-likelihood with its registered parameters: only its threshold is chosen per fold. */
const EWMA_LIKELIHOOD: Candidate[] = [{ label: 'ewma-likelihood', scale: 'unit', factory: ewmaLikelihood() }];
/** ewma-zscore has fixed parameters: only its threshold is chosen per fold. */
const EWMA: Candidate[] = [{ label: 'ewma-zscore', scale: 'unbounded', factory: ewmaZScore() }];

const describeMeasurement = process.env['TRAILPULSE_NAB_MEASURE'] === '1' ? describe : describe.skip;

describeMeasurement('leave-one-out NAB evaluation (measurement)', () => {
  jest.setTimeout(1_800_000);
  let corpus: NabCorpus;

  beforeAll(async () => {
    corpus = await readNabCorpus(path.join(sharedData, 'nab'));
  });

  it.each([
    ['ewma-zscore', EWMA],
    ['robust-zscore', ROBUST_GRID],
    ['robust-likelihood', LIKELIHOOD_GRID],
    ['ewma-likelihood', EWMA_LIKELIHOOD],
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
