import { probationLength } from './probation';
import { type NabProfile } from './profiles';
import { type ScoredSeries } from './series';
import { sweepValues, windowOfRows } from './sweep';
import { locateWindows, type WindowSpan } from './windows';

/** A detector's output for one file, its anomaly windows and the file's labels. */
export interface LabelledResult extends ScoredSeries {
  readonly windows: readonly WindowSpan[];
}

/** One file ready for scoring under one profile: what every row would earn, and where the windows are. */
export interface SweptFile {
  readonly file: string;
  readonly anomalyScores: readonly number[];
  /** Rows before this index are NAB's probationary period and are never counted. */
  readonly probation: number;
  readonly windowOf: Int32Array;
  readonly sweep: Float64Array;
  /** All windows of the file (normalization counts them all, as NAB does). */
  readonly windowCount: number;
  /** Windows with at least one row after probation: only these earn a TP or cost a FN. */
  readonly scoredWindows: readonly number[];
}

export function sweepFile(result: LabelledResult, profile: NabProfile): SweptFile {
  const rowCount = result.anomalyScores.length;
  const windows = locateWindows(result.timestamps, result.windows, result.file);
  const probation = probationLength(rowCount);
  return {
    file: result.file,
    anomalyScores: result.anomalyScores,
    probation,
    windowOf: windowOfRows(rowCount, windows),
    sweep: sweepValues(rowCount, windows, profile),
    windowCount: windows.length,
    scoredWindows: windows.flatMap((window, k) => (window.last >= probation ? [k] : [])),
  };
}
