// The points every detector is timed on: the NAB AWS CloudWatch series, as the engine would feed
// them (one update(timestamp, value) per row, in order).
import path from 'node:path';
import { type NabSeries } from '@trailpulse/anomaly';
import { readNabCorpus } from '@trailpulse/anomaly/node';

/** NAB's category of real AWS CloudWatch metrics: the 17 series of issue 5. */
export const AWS_CATEGORY = 'realAWSCloudwatch';

/** The input is missing or is not what the bench needs. */
export class BenchSeriesError extends Error {
  override readonly name = 'BenchSeriesError';
}

export interface BenchSeries {
  /** `<category>/<file>.csv`. */
  readonly file: string;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

/** The series of NAB's AWS category, in the corpus order (sorted by file). */
export function awsSeries(series: readonly NabSeries[], source: string): BenchSeries[] {
  const aws = series.filter((s) => s.file.startsWith(`${AWS_CATEGORY}/`)).map(({ file, timestamps, values }) => ({ file, timestamps, values }));
  if (aws.length === 0) throw new BenchSeriesError(`no ${AWS_CATEGORY} series under ${path.join(source, 'data')}`);
  return aws;
}

export function totalPoints(series: readonly BenchSeries[]): number {
  return series.reduce((sum, s) => sum + s.values.length, 0);
}

/** The series with the most points (the first of them on a tie): the snapshot size is measured after it. */
export function longestSeries(series: readonly BenchSeries[]): BenchSeries {
  const first = series[0];
  if (first === undefined) throw new BenchSeriesError('no series to measure');
  return series.reduce((longest, s) => (s.values.length > longest.values.length ? s : longest), first);
}

/** The NAB root the bench reads: `--data`, else `$TRAILPULSE_SHARED_DATA/nab`, else `<workspace>/../shared/data/nab`. */
export function nabDataDir(dataDir: string | undefined, workspaceRoot: string, env: Readonly<Record<string, string | undefined>>): string {
  if (dataDir !== undefined) return path.resolve(dataDir);
  return path.join(env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(workspaceRoot, '..', 'shared', 'data'), 'nab');
}

export async function readAwsSeries(nabDir: string): Promise<BenchSeries[]> {
  let corpus;
  try {
    corpus = await readNabCorpus(nabDir);
  } catch (cause) {
    throw new BenchSeriesError(`cannot read the NAB corpus at ${nabDir}`, { cause });
  }
  return awsSeries(corpus.series, nabDir);
}
