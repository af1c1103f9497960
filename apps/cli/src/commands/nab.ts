import { type Command, InvalidArgumentError } from 'commander';
import {
  DEFAULT_DETECTOR,
  DETECTORS,
  type DetectorEvaluation,
  evaluateDetector,
  findDetector,
  labelResults,
  type NabCorpus,
  NabInputError,
  normalizedScores,
  PROFILE_NAMES,
  type ProfileName,
  runDetector,
  type ScoredSeries,
  UnknownDetectorError,
  windowCount,
} from '@trailpulse/anomaly';
import { NabDirectoryError, publishedDetectors, readNabCorpus, readPublishedResults, writeNabResults } from '@trailpulse/anomaly/node';
import { type CliIo } from '../cli-io';
import { CliError, ExitCode } from '../exit-codes';
import { renderTable } from '../output/table';

interface NabCliOptions {
  readonly data: string;
  readonly detector?: readonly string[];
  readonly json?: boolean;
  readonly resultsDir?: string;
  readonly progress: boolean;
}

/** NAB's normalized scores of one detector, by profile (0 = null detector, 100 = perfect). */
export type NabScores = Record<ProfileName, number>;

/** What `trailpulse nab --json` prints: ../shared/spec/nab-output.md. */
export interface NabOutput {
  readonly default: string;
  readonly detectors: Record<string, NabScores>;
  readonly reproduced: Record<string, NabScores>;
}

interface Evaluated {
  readonly name: string;
  readonly evaluation: DetectorEvaluation;
}

export function registerNabCommand(program: Command, io: CliIo): void {
  program
    .command('nab')
    .summary('score anomaly detectors on the Numenta Anomaly Benchmark (NAB)')
    .description(
      [
        'Run our anomaly detectors over every series of every category of a NAB-layout directory and',
        'score them with NAB\'s scorer (windows, application profiles, probationary period, one',
        'corpus-wide threshold per profile, normalized so 0 = null detector and 100 = perfect).',
        'Published detectors found under <data>/results/ are re-scored too, at their published',
        'thresholds (config/thresholds.json) when given, so the scorer can be checked against NAB.',
        'Layout: data/<category>/*.csv, labels/combined_windows.json, optional labels/combined_labels.json,',
        'config/profiles.json, config/thresholds.json, results/<det>/<category>/<det>_<file>.csv.',
      ].join('\n'),
    )
    .requiredOption('--data <dir>', 'NAB-layout directory')
    .option('--detector <name...>', `our detectors to run (default: all; available: ${DETECTORS.map((d) => d.name).join(', ')})`, collectDetector)
    .option('--json', 'print the scores as JSON (nab-output.md)')
    .option('--results-dir <dir>', 'also write our detectors\' per-row scores in NAB\'s results layout')
    .option('--no-progress', 'no progress on stderr (it is only drawn on a terminal anyway)')
    .addHelpText(
      'after',
      [
        '',
        'Our detectors\' scores are unbounded; NAB wants [0, 1], so they are mapped by s / (1 + s), which',
        `keeps their order (NAB's score depends on the order only). The default detector (${DEFAULT_DETECTOR}) always runs.`,
        '',
        'Examples:',
        '  trailpulse nab --data ../NAB                          # table: ours beside the published detectors',
        '  trailpulse nab --data ../NAB --json > nab.json',
        '  trailpulse nab --data ../NAB --results-dir out/       # out/<det>/<category>/<det>_<file>.csv',
        '',
        'Exit codes: 0 ok, 1 usage, 2 input error (missing or malformed data directory).',
      ].join('\n'),
    )
    .action(async (options: NabCliOptions) => {
      const corpus = await readCorpus(options.data);
      // Published results first: --results-dir may write into <data>/results, and this run's own output is not "published".
      const published = await rescorePublished(options.data, corpus);
      const ours = await runOurDetectors(corpus, options, io);
      io.stdout.write(options.json ? `${JSON.stringify(toOutput(ours, published), null, 2)}\n` : renderNabTable(corpus, ours, published));
    });
}

function collectDetector(name: string, previous: readonly string[] | undefined): string[] {
  try {
    return [...(previous ?? []), findDetector(name).name];
  } catch (error) {
    if (error instanceof UnknownDetectorError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

/** Input problems (missing directory, malformed file) become exit code 2 with the reader's located message. */
async function asInputError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NabDirectoryError || error instanceof NabInputError) throw new CliError(error.message, ExitCode.InputError, { cause: error });
    throw error;
  }
}

async function readCorpus(dir: string): Promise<NabCorpus> {
  const corpus = await asInputError(() => readNabCorpus(dir));
  // With no window, the null and the perfect detector score the same and nothing can be normalized.
  if (windowCount(corpus) === 0) throw new CliError(`${dir}: labels/combined_windows.json has no anomaly window for these data files`, ExitCode.InputError);
  return corpus;
}

/** Runs each selected detector of ours over every series; thresholds are optimized on the corpus, as NAB does. */
async function runOurDetectors(corpus: NabCorpus, options: NabCliOptions, io: CliIo): Promise<Evaluated[]> {
  const names = [...new Set([DEFAULT_DETECTOR, ...(options.detector ?? DETECTORS.map((d) => d.name))])];
  const progress = new SeriesProgress(io, options.progress, names.length * corpus.series.length);
  const evaluated: Evaluated[] = [];
  for (const name of names) {
    const { factory, scale } = findDetector(name);
    const results = new Map<string, ScoredSeries>();
    for (const series of corpus.series) {
      progress.next(name, series.file);
      results.set(series.file, runDetector(factory(), scale, series));
    }
    if (options.resultsDir !== undefined) await writeResults(options.resultsDir, name, corpus, results);
    evaluated.push({ name, evaluation: await asInputError(async () => evaluateDetector(labelResults(corpus, results, name), { profiles: corpus.profiles })) });
  }
  progress.done();
  return evaluated;
}

async function writeResults(dir: string, detector: string, corpus: NabCorpus, results: ReadonlyMap<string, ScoredSeries>): Promise<void> {
  try {
    await writeNabResults(dir, detector, corpus, results);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`cannot write --results-dir ${dir}: ${reason}`, ExitCode.InputError, { cause: error });
  }
}

/** Re-scores each published detector under <data>/results/ with our scorer, at its published thresholds when config has them. */
async function rescorePublished(dir: string, corpus: NabCorpus): Promise<Evaluated[]> {
  return asInputError(async () => {
    const evaluated: Evaluated[] = [];
    for (const name of await publishedDetectors(dir)) {
      const results = labelResults(corpus, await readPublishedResults(dir, name, corpus), name);
      const thresholds = corpus.thresholds.get(name);
      evaluated.push({ name, evaluation: evaluateDetector(results, { profiles: corpus.profiles, ...(thresholds === undefined ? {} : { thresholds }) }) });
    }
    return evaluated;
  });
}

function toOutput(ours: readonly Evaluated[], published: readonly Evaluated[]): NabOutput {
  const byName = (list: readonly Evaluated[]) => Object.fromEntries(list.map(({ name, evaluation }) => [name, normalizedScores(evaluation)]));
  return { default: DEFAULT_DETECTOR, detectors: byName(ours), reproduced: byName(published) };
}

function renderNabTable(corpus: NabCorpus, ours: readonly Evaluated[], published: readonly Evaluated[]): string {
  const rows = [...ours.map((e) => ({ ...e, kind: e.name === DEFAULT_DETECTOR ? 'ours (default)' : 'ours' })), ...published.map((e) => ({ ...e, kind: 'published' }))]
    .sort((a, b) => b.evaluation.standard.normalizedScore - a.evaluation.standard.normalizedScore)
    .map(({ name, kind, evaluation }) => [
      name,
      kind,
      ...PROFILE_NAMES.map((profile) => evaluation[profile].normalizedScore.toFixed(2).padStart(7)),
      `${Number(evaluation.standard.threshold.toPrecision(6))} (${evaluation.standard.optimized ? 'optimized' : 'published'})`,
    ]);
  const labels = [...corpus.labels.values()].reduce((n, list) => n + list.length, 0);
  const categories = new Set(corpus.series.map((s) => s.file.split('/')[0])).size;
  return [
    `NAB scores over ${corpus.series.length} series in ${categories} ${categories === 1 ? 'category' : 'categories'}, ${windowCount(corpus)} anomaly windows (${labels} labels).`,
    '0 = null detector (never fires), 100 = perfect detector. One threshold per detector and profile:',
    'ours optimized on this corpus (NAB\'s method); published ones from config/thresholds.json when listed.',
    '',
    renderTable(['detector', 'kind', 'standard', 'low FP', 'low FN', 'threshold (standard)'], rows),
  ].join('\n');
}

/** A one-line "detector i/n series" indicator on stderr, only on a terminal, erased at the end. */
class SeriesProgress {
  private completed = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly io: CliIo,
    wanted: boolean,
    private readonly total: number,
  ) {
    this.enabled = wanted && io.stderr.isTTY === true;
  }

  next(detector: string, file: string): void {
    this.completed++;
    if (this.enabled) this.io.stderr.write(`\rnab: ${detector} ${this.completed}/${this.total} ${file}\x1b[K`);
  }

  done(): void {
    if (this.enabled) this.io.stderr.write('\r\x1b[K');
  }
}
