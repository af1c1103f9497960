import { type DetectorFactory } from '../detector';
import { type NabCorpus } from '../nab/corpus';
import { NAB_PROFILES } from '../nab/profiles';
import { type NabSeries } from '../nab/series';
import { type WindowSpan } from '../nab/windows';
import { type Candidate, leaveOneOut } from './leave-one-out';

const MINUTE = 60_000;

/** A series of 200 rows, quiet except a spike of `height` at row 150, labelled an anomaly or not. */
function file(name: string, height: number, labelled: boolean): { series: NabSeries; windows: WindowSpan[] } {
  const values = Array.from({ length: 200 }, (_, i) => (i === 150 ? height : 1));
  const timestamps = values.map((_, i) => i * MINUTE);
  const windows = labelled ? [{ start: 145 * MINUTE, end: 155 * MINUTE }] : [];
  return { series: { file: `c/${name}.csv`, timestampTexts: [], timestamps, values }, windows };
}

/** A detector that scores `score(value)` for every value, with no memory. */
function stateless(name: string, score: (value: number) => number): Candidate {
  const factory: DetectorFactory = {
    name,
    create: () => ({ update: (_t, value) => score(value), snapshot: () => ({ detector: name, version: 1, data: null }) }),
    restore: () => factory.create(),
  };
  return { label: name, scale: 'unit', factory };
}

const files = [file('a', 100, true), file('b', 200, true), file('c', 100, false)];
const corpus: NabCorpus = {
  series: files.map((f) => f.series),
  windows: new Map(files.map((f) => [f.series.file, f.windows])),
  labels: new Map(),
  profiles: NAB_PROFILES,
  thresholds: new Map(),
};

describe('leaveOneOut', () => {
  it('chooses parameters and threshold on the other files, then scores only the held-out file', () => {
    // Prepare: 'any-spike' finds a and b but fires on c's unlabelled spike; 'big-spike' finds only b.
    const anySpike = stateless('any-spike', (value) => (value > 50 ? 0.9 : 0.1));
    const bigSpike = stateless('big-spike', (value) => (value > 150 ? 0.9 : 0.1));
    // Act
    const result = leaveOneOut(corpus, [anySpike, bigSpike], 'standard');
    // Assess: holding out a leaves b and c, where big-spike wins, so a's window is missed (-A_FN),
    // although any-spike would have found it: a's own data chose nothing.
    expect(result.folds.map((fold) => fold.chosen)).toEqual(['big-spike', 'any-spike', 'any-spike']);
    expect(result.folds.map((fold) => fold.threshold)).toEqual([0.9, 0.9, 0.9]);
    expect(result.folds[0]?.rawScore).toBe(-1);
    expect(result.folds[1]?.rawScore).toBeGreaterThan(0);
    expect(result.folds[2]?.rawScore).toBeCloseTo(-0.11, 9);
    expect(result.folds.map((fold) => fold.windowCount)).toEqual([1, 1, 0]);
  });

  it('refuses an empty grid', () => {
    // Act + Assess
    expect(() => leaveOneOut(corpus, [], 'standard')).toThrow(RangeError);
  });
});
