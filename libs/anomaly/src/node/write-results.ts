import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type NabCorpus, type ScoredSeries, windowLabels } from '../nab';
import { resultPath } from './read-results';

/**
 * Writes a detector's output in NAB's results layout and columns (`timestamp,value,anomaly_score,label`,
 * label = 1 inside an anomaly window, as in NAB's own results), so NAB's scorer can re-score it.
 */
export async function writeNabResults(resultsDir: string, detector: string, corpus: NabCorpus, results: ReadonlyMap<string, ScoredSeries>): Promise<string[]> {
  const written: string[] = [];
  for (const series of corpus.series) {
    const scores = results.get(series.file)?.anomalyScores ?? [];
    const labels = windowLabels(series, corpus.windows.get(series.file) ?? []);
    const lines = series.values.map((value, i) => `${series.timestampTexts[i]},${value},${scores[i]},${labels[i]}`);
    const file = resultPath(resultsDir, detector, series.file);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `timestamp,value,anomaly_score,label\n${lines.join('\n')}\n`);
    written.push(file);
  }
  return written;
}
