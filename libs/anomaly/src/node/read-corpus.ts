import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import {
  NAB_PROFILES,
  type NabCorpus,
  NabInputError,
  type NabSeries,
  parseLabelsJson,
  parseProfilesJson,
  parseSeriesCsv,
  parseThresholdsJson,
  parseWindowsJson,
} from '../nab';
import { NabDirectoryError } from './errors';
import { csvFiles, readOptionalText, readRequiredText, subdirectories } from './read-text';

/**
 * Reads a directory laid out like NAB's repository: `data/<category>/*.csv`,
 * `labels/combined_windows.json` (required), `labels/combined_labels.json` and
 * `config/{profiles,thresholds}.json` (optional: NAB's profiles and no published thresholds).
 * Malformed files throw NabInputError naming the file and line; a missing layout throws NabDirectoryError.
 */
export async function readNabCorpus(root: string): Promise<NabCorpus> {
  await requireDirectory(root, 'NAB data directory');
  const windowsFile = path.join(root, 'labels', 'combined_windows.json');
  const windows = parseWindowsJson(await readRequiredText(windowsFile, 'NAB anomaly windows file'), windowsFile);
  const labelsFile = path.join(root, 'labels', 'combined_labels.json');
  const labelsText = await readOptionalText(labelsFile);
  const profilesFile = path.join(root, 'config', 'profiles.json');
  const profilesText = await readOptionalText(profilesFile);
  const thresholdsFile = path.join(root, 'config', 'thresholds.json');
  const thresholdsText = await readOptionalText(thresholdsFile);
  const series = await readSeries(root);
  for (const file of windows.keys()) {
    if (!series.some((s) => s.file === file)) throw new NabInputError(`windows are given for "${file}", which is not a file under data/`, windowsFile);
  }
  for (const s of series) {
    // NAB lists every data file in the windows file, with [] when it has no anomaly.
    if (!windows.has(s.file)) throw new NabInputError(`no entry for data file "${s.file}" (use [] for a file without anomalies)`, windowsFile);
  }
  return {
    series,
    windows,
    labels: labelsText === undefined ? new Map() : parseLabelsJson(labelsText, labelsFile),
    profiles: profilesText === undefined ? NAB_PROFILES : parseProfilesJson(profilesText, profilesFile),
    thresholds: thresholdsText === undefined ? new Map() : parseThresholdsJson(thresholdsText, thresholdsFile),
  };
}

async function readSeries(root: string): Promise<NabSeries[]> {
  const dataDir = path.join(root, 'data');
  const series: NabSeries[] = [];
  for (const category of await subdirectories(dataDir)) {
    for (const name of await csvFiles(path.join(dataDir, category))) {
      const source = path.join(dataDir, category, name);
      series.push(parseSeriesCsv(await readRequiredText(source, 'data file'), `${category}/${name}`, source));
    }
  }
  if (series.length === 0) throw new NabDirectoryError(`no data files: expected ${path.join(dataDir, '<category>', '*.csv')}`, dataDir);
  return series;
}

async function requireDirectory(dir: string, what: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (error) {
    throw new NabDirectoryError(`${what} ${dir} does not exist`, dir, { cause: error });
  }
  throw new NabDirectoryError(`${what} ${dir} is not a directory`, dir);
}
