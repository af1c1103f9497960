import { type NabProfile } from './profiles';
import { scaledSigmoid } from './sigmoid';
import { type RowWindow } from './windows';

/** Row is outside every window. */
export const OUTSIDE_WINDOWS = -1;

/** For each row, the index of the window holding it, or OUTSIDE_WINDOWS. */
export function windowOfRows(rowCount: number, windows: readonly RowWindow[]): Int32Array {
  const windowOf = new Int32Array(rowCount).fill(OUTSIDE_WINDOWS);
  windows.forEach((window, k) => windowOf.fill(k, window.first, window.last + 1));
  return windowOf;
}

/**
 * What each row would earn if it were a detection (SCORING.md §4, NAB's calcSweepScore):
 * inside a window, the scaled sigmoid of its position, so the window's first row earns A_TP and
 * later rows less; outside, -A_FP before any window, and after a window a penalty that grows
 * from 0 to -A_FP with the distance from the most recently finished window (only that one counts).
 */
export function sweepValues(rowCount: number, windows: readonly RowWindow[], profile: NabProfile): Float64Array {
  const sweep = new Float64Array(rowCount);
  const leftEdge = scaledSigmoid(-1);
  let previous: RowWindow | undefined;
  let next = 0;
  for (let i = 0; i < rowCount; i++) {
    const window = windows[next];
    if (window !== undefined && i >= window.first) {
      const width = window.last - window.first + 1;
      const position = -(window.last - i + 1) / width;
      sweep[i] = (scaledSigmoid(position) * profile.tpWeight) / leftEdge;
      if (i === window.last) {
        previous = window;
        next++;
      }
    } else if (previous === undefined) {
      sweep[i] = -profile.fpWeight;
    } else {
      const width = previous.last - previous.first + 1;
      sweep[i] = scaledSigmoid((i - previous.last) / (width - 1)) * profile.fpWeight;
    }
  }
  return sweep;
}
