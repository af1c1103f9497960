import { NabInputError } from './errors';
import { type NabProfiles } from './profiles';
import { type NabSeries, type ScoredSeries } from './series';
import { type LabelledResult } from './swept-file';
import { type DetectorThresholds } from './thresholds';
import { locateWindows, type WindowSpan } from './windows';

/** A NAB-layout corpus: the data files, their windows and labels, and the scoring config. */
export interface NabCorpus {
  /** Every data file, sorted by `<category>/<file>.csv`. */
  readonly series: readonly NabSeries[];
  readonly windows: ReadonlyMap<string, readonly WindowSpan[]>;
  readonly labels: ReadonlyMap<string, readonly number[]>;
  readonly profiles: NabProfiles;
  /** Published thresholds by detector (config/thresholds.json); empty when the corpus has none. */
  readonly thresholds: ReadonlyMap<string, DetectorThresholds>;
}

/** Number of anomaly windows over the corpus's data files: W in NAB's normalization. */
export function windowCount(corpus: NabCorpus): number {
  return corpus.series.reduce((sum, series) => sum + (corpus.windows.get(series.file)?.length ?? 0), 0);
}

/**
 * Pairs a detector's output for each data file with the file's windows. Every data file needs its
 * output, with one score per data row, or the corpus total would silently change meaning.
 */
export function labelResults(corpus: NabCorpus, results: ReadonlyMap<string, ScoredSeries>, detector: string): LabelledResult[] {
  return corpus.series.map((series) => {
    const result = results.get(series.file);
    if (result === undefined) throw new NabInputError(`detector "${detector}" has no result for this data file`, series.file);
    if (result.anomalyScores.length !== series.values.length) {
      throw new NabInputError(`detector "${detector}" scored ${result.anomalyScores.length} rows, the data file has ${series.values.length}`, series.file);
    }
    return { ...result, windows: corpus.windows.get(series.file) ?? [] };
  });
}

/** NAB's `label` column of a result file: 1 on rows inside an anomaly window, else 0. */
export function windowLabels(series: NabSeries, windows: readonly WindowSpan[]): (0 | 1)[] {
  const labels = new Array<0 | 1>(series.timestamps.length).fill(0);
  for (const window of locateWindows(series.timestamps, windows, series.file)) labels.fill(1, window.first, window.last + 1);
  return labels;
}
