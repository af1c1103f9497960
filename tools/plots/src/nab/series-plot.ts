// What one chart shows, computed with the library's NAB functions so the plot and the score agree:
// the probationary rows and the window of each row come from sweepFile, and a detection is a row
// after probation whose score is at least the threshold, exactly as scoreFile counts it.
import { type LabelledResult, type NabProfile, type NabSeries, OUTSIDE_WINDOWS, sweepFile } from '@trailpulse/anomaly';

/** Inclusive time span in NAB's naive milliseconds. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

/** [time, value]: a point of the value line. */
export type TimedValue = readonly [number, number];

export interface SeriesPlot {
  /** `<category>/<file>.csv`. */
  readonly file: string;
  readonly detector: string;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  /** NAB anomaly scores in [0, 1], as the scorer sees them. */
  readonly scores: readonly number[];
  readonly windows: readonly TimeSpan[];
  /** NAB's probationary period (never scored); undefined when it has no row. */
  readonly probation: TimeSpan | undefined;
  readonly threshold: number;
  /** This file's raw NAB score at the threshold, from the evaluation. */
  readonly rawScore: number;
  /** Detections after probation, on the value line: inside a window (true positives) and outside (false positives). */
  readonly detections: { readonly inWindow: readonly TimedValue[]; readonly outside: readonly TimedValue[] };
}

export interface SeriesPlotInput {
  readonly series: NabSeries;
  readonly result: LabelledResult;
  readonly detector: string;
  readonly profile: NabProfile;
  readonly threshold: number;
  readonly rawScore: number;
}

function at(list: readonly number[], index: number): number {
  const value = list[index];
  if (value === undefined) throw new RangeError(`row ${index} is outside the series (${list.length} rows)`);
  return value;
}

export function seriesPlot({ series, result, detector, profile, threshold, rawScore }: SeriesPlotInput): SeriesPlot {
  if (series.file !== result.file || series.values.length !== result.anomalyScores.length) {
    throw new RangeError(`the detector output for ${result.file} (${result.anomalyScores.length} rows) does not match the series ${series.file} (${series.values.length} rows)`);
  }
  const swept = sweepFile(result, profile);
  const { timestamps, values } = series;
  const inWindow: TimedValue[] = [];
  const outside: TimedValue[] = [];
  for (let i = swept.probation; i < values.length; i++) {
    if (at(result.anomalyScores, i) < threshold) continue;
    const point: TimedValue = [at(timestamps, i), at(values, i)];
    ((swept.windowOf[i] ?? OUTSIDE_WINDOWS) === OUTSIDE_WINDOWS ? outside : inWindow).push(point);
  }
  return {
    file: series.file,
    detector,
    timestamps,
    values,
    scores: result.anomalyScores,
    windows: result.windows.map(({ start, end }) => ({ start, end })),
    probation: swept.probation > 0 ? { start: at(timestamps, 0), end: at(timestamps, swept.probation - 1) } : undefined,
    threshold,
    rawScore,
    detections: { inWindow, outside },
  };
}
