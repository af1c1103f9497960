// One detector over the NAB AWS series, scored by the library's NAB evaluation: the same path as
// `trailpulse nab`, so the plotted threshold is the one NAB's optimizer picks.
import { evaluateDetector, labelResults, type DetectorEvaluation, type LabelledResult, type NabCorpus, type NabSeries, runDetector, type ScoredSeries, findDetector } from '@trailpulse/anomaly';
import { AWS_CATEGORY } from './plotted-files';

/** The corpus cannot be plotted as asked. */
export class PlotInputError extends Error {
  override readonly name = 'PlotInputError';
}

export interface ScoredCorpus {
  readonly detector: string;
  readonly corpus: NabCorpus;
  /** Each AWS series with its detector output and windows, by `<category>/<file>.csv`. */
  readonly labelled: ReadonlyMap<string, LabelledResult>;
  readonly series: ReadonlyMap<string, NabSeries>;
  readonly evaluation: DetectorEvaluation;
}

/** Keeps NAB's AWS category only: the threshold is optimized over those files, as in docs/anomaly.md. */
export function awsCorpus(corpus: NabCorpus): NabCorpus {
  const series = corpus.series.filter((s) => s.file.startsWith(`${AWS_CATEGORY}/`));
  if (series.length === 0) throw new PlotInputError(`the NAB corpus has no ${AWS_CATEGORY} series`);
  return { ...corpus, series };
}

/** Runs `detector` (a fresh one per series) over every series of `corpus` and evaluates it under every NAB profile. */
export function scoreCorpus(corpus: NabCorpus, detector: string): ScoredCorpus {
  const { factory, scale } = findDetector(detector);
  const results = new Map<string, ScoredSeries>(corpus.series.map((series) => [series.file, runDetector(factory(), scale, series)]));
  const labelled = labelResults(corpus, results, detector);
  return {
    detector,
    corpus,
    labelled: new Map(labelled.map((result) => [result.file, result])),
    series: new Map(corpus.series.map((series) => [series.file, series])),
    evaluation: evaluateDetector(labelled, { profiles: corpus.profiles }),
  };
}
