import { NabInputError } from './errors';
import { parseJsonObject } from './json';
import { parseNabTimestamp } from './timestamp';

/** An anomaly window as labelled: inclusive start and end timestamps (naive ms, see parseNabTimestamp). */
export interface WindowSpan {
  readonly start: number;
  readonly end: number;
}

/** A window located in one file's rows: indices of its first and last rows, both inclusive. */
export interface RowWindow {
  readonly first: number;
  readonly last: number;
}

/**
 * Reads NAB's labels/combined_windows.json: `{ "<category>/<file>.csv": [["start", "end"], ...] }`.
 * Windows must be ordered and must not overlap, as NAB's labeler guarantees; the scorer's
 * "most recently finished window" rule depends on it.
 */
export function parseWindowsJson(text: string, source: string): ReadonlyMap<string, readonly WindowSpan[]> {
  const windows = new Map<string, readonly WindowSpan[]>();
  for (const [file, list] of Object.entries(parseJsonObject(text, source))) {
    if (!Array.isArray(list)) throw new NabInputError(`"${file}" must map to a list of [start, end] pairs`, source);
    const spans = list.map((pair: unknown, i): WindowSpan => {
      const [start, end] = Array.isArray(pair) && pair.length === 2 ? pair.map((t) => (typeof t === 'string' ? parseNabTimestamp(t) : undefined)) : [];
      if (start === undefined || end === undefined || start > end) {
        throw new NabInputError(`"${file}" window ${i + 1} must be ["YYYY-MM-DD HH:MM:SS.ffffff", ...] with start <= end, got ${JSON.stringify(pair)}`, source);
      }
      return { start, end };
    });
    spans.forEach((span, i) => {
      const previous = spans[i - 1];
      if (previous !== undefined && span.start <= previous.end) throw new NabInputError(`"${file}" windows ${i} and ${i + 1} overlap or are out of order`, source);
    });
    windows.set(file, spans);
  }
  return windows;
}

/**
 * Finds each window's rows. NAB enters a window on the row whose timestamp equals its start and
 * leaves it after the row equal to its end, so both ends must be rows of the file (SCORING.md §0).
 */
export function locateWindows(timestamps: readonly number[], spans: readonly WindowSpan[], source: string): RowWindow[] {
  const rowOf = new Map<number, number>();
  timestamps.forEach((t, i) => {
    if (!rowOf.has(t)) rowOf.set(t, i);
  });
  return spans.map((span, i) => {
    const first = rowOf.get(span.start);
    const last = rowOf.get(span.end);
    if (first === undefined || last === undefined) {
      throw new NabInputError(`anomaly window ${i + 1} (${formatNaive(span.start)} to ${formatNaive(span.end)}) does not start and end on rows of the file`, source);
    }
    return { first, last };
  });
}

function formatNaive(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}
