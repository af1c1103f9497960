import { NabInputError } from './errors';
import { parseJsonObject } from './json';
import { parseNabTimestamp } from './timestamp';

/**
 * Reads NAB's labels/combined_labels.json: `{ "<category>/<file>.csv": ["YYYY-MM-DD HH:MM:SS", ...] }`,
 * the one timestamp behind each labelled anomaly. The scorer does not use it (windows do the
 * scoring); it is read to report how many anomalies the windows stand for.
 */
export function parseLabelsJson(text: string, source: string): ReadonlyMap<string, readonly number[]> {
  const labels = new Map<string, readonly number[]>();
  for (const [file, list] of Object.entries(parseJsonObject(text, source))) {
    if (!Array.isArray(list)) throw new NabInputError(`"${file}" must map to a list of timestamps`, source);
    labels.set(
      file,
      list.map((text: unknown, i) => {
        const t = typeof text === 'string' ? parseNabTimestamp(text) : undefined;
        if (t === undefined) throw new NabInputError(`"${file}" label ${i + 1} must be a "YYYY-MM-DD HH:MM:SS" timestamp, got ${JSON.stringify(text)}`, source);
        return t;
      }),
    );
  }
  return labels;
}
