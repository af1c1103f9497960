import * as path from 'node:path';
import { type NabCorpus, parseResultsCsv, type ScoredSeries } from '../nab';
import { csvFiles, readOptionalText, subdirectories } from './read-text';

/** Published detectors under `<root>/results/`: folders holding per-row result CSVs for some category. */
export async function publishedDetectors(root: string): Promise<string[]> {
  const resultsDir = path.join(root, 'results');
  const detectors: string[] = [];
  for (const detector of await subdirectories(resultsDir)) {
    for (const category of await subdirectories(path.join(resultsDir, detector))) {
      if ((await csvFiles(path.join(resultsDir, detector, category))).length > 0) {
        detectors.push(detector);
        break;
      }
    }
  }
  return detectors;
}

/** Path of a detector's result file for a data file, NAB's layout: `<detector>/<category>/<detector>_<file>.csv`. */
export function resultPath(resultsDir: string, detector: string, dataFile: string): string {
  const category = path.posix.dirname(dataFile);
  return path.join(resultsDir, detector, category, `${detector}_${path.posix.basename(dataFile)}`);
}

/** A published detector's per-row results for every data file of the corpus that has one. */
export async function readPublishedResults(root: string, detector: string, corpus: NabCorpus): Promise<Map<string, ScoredSeries>> {
  const results = new Map<string, ScoredSeries>();
  for (const series of corpus.series) {
    const source = resultPath(path.join(root, 'results'), detector, series.file);
    const text = await readOptionalText(source);
    if (text !== undefined) results.set(series.file, parseResultsCsv(text, series.file, source));
  }
  return results;
}
