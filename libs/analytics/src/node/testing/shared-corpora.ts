/**
 * Test-only access to the shared CloudTrail corpora (/work/shared/data/cloudtrail, or
 * $TRAILPULSE_SHARED_DATA/cloudtrail): every line of the NDJSON and CSV files, and every JSON file
 * as compact one-line texts (the whole document, and each record-like object inside it).
 * Plain fs + JSON.parse, so the tests do not depend on the readers they check against.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** From libs/analytics/src/node/testing up to the repository, then its sibling shared/data. */
export const SHARED_DATA_DIR = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'data');
export const CLOUDTRAIL_DIR = path.join(SHARED_DATA_DIR, 'cloudtrail');

export interface CorpusLine {
  /** File (relative to the cloudtrail folder) and what the line is. */
  readonly source: string;
  readonly text: string;
}

export function corpusFiles(extension: string): string[] {
  return readdirSync(CLOUDTRAIL_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .sort();
}

/** Every line of every corpus file that is one value per line (NDJSON), and of the CSV: wrong-format input. */
export function corpusTextLines(): CorpusLine[] {
  return [...corpusFiles('.ndjson'), ...corpusFiles('.csv')].flatMap((file) =>
    readFileSync(path.join(CLOUDTRAIL_DIR, file), 'utf8')
      .split('\n')
      .map((text, i) => ({ source: `${file}:${i + 1}`, text }))
      .filter(({ text }) => text.trim() !== ''),
  );
}

/** Each JSON file as one compact line, and each object inside it that has a CloudTrail field, compact. */
export function corpusJsonRecordLines(): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const file of corpusFiles('.json')) {
    const document: unknown = JSON.parse(readFileSync(path.join(CLOUDTRAIL_DIR, file), 'utf8'));
    lines.push({ source: `${file} (whole)`, text: JSON.stringify(document) });
    collectRecordLike(document, file, lines);
  }
  return lines;
}

function collectRecordLike(value: unknown, source: string, into: CorpusLine[]): void {
  if (typeof value === 'string' && value.startsWith('{')) {
    // CloudWatch Logs carry records as JSON text.
    try {
      collectRecordLike(JSON.parse(value), source, into);
    } catch {
      // not JSON after all: nothing to collect
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectRecordLike(item, source, into);
    return;
  }
  const object = value as Record<string, unknown>;
  if ('eventName' in object || 'eventSource' in object || 'eventTime' in object) into.push({ source, text: JSON.stringify(object) });
  for (const child of Object.values(object)) collectRecordLike(child, source, into);
}
