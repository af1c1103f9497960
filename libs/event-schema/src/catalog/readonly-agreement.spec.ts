import fs from 'node:fs';
import path from 'node:path';
import { classifyOperation } from './classify';

// Real CloudTrail records carry CloudTrail's own verdict in `readOnly`. Classifying their calls
// WITHOUT that field (catalog + verb rules only) must agree with it on most distinct calls.

const cloudtrailData = path.join(
  process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data'),
  'cloudtrail',
);

function filesIn(folder: string, extension: string): string[] {
  const dir = path.join(cloudtrailData, folder);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Panther's NDJSON files (one record per line) and Stratus Red Team's JSON arrays of records. */
function corpusRecords(): unknown[] {
  const ndjson = filesIn('panther-analysis', '.ndjson').flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line): unknown => JSON.parse(line)),
  );
  const arrays = filesIn(path.join('stratus-red-team', 'detonation-logs'), '.json').flatMap(
    (file): unknown[] => JSON.parse(fs.readFileSync(file, 'utf8')),
  );
  return [...ndjson, ...arrays];
}

function readOnlyOf(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** `eventSource eventName` -> the readOnly values recorded for that call. */
function recordedReadOnly(records: readonly unknown[]): Map<string, Set<boolean>> {
  const verdicts = new Map<string, Set<boolean>>();
  for (const record of records) {
    if (typeof record !== 'object' || record === null) continue;
    const { eventSource, eventName, readOnly } = record as Record<string, unknown>;
    const verdict = readOnlyOf(readOnly);
    if (typeof eventSource !== 'string' || typeof eventName !== 'string' || verdict === undefined) continue;
    const key = `${eventSource} ${eventName}`;
    verdicts.set(key, (verdicts.get(key) ?? new Set()).add(verdict));
  }
  return verdicts;
}

describe('agreement with the readOnly field of real records', () => {
  it('classifies at least 95% of distinct calls as read exactly when CloudTrail says readOnly', () => {
    // Prepare
    const verdicts = recordedReadOnly(corpusRecords());
    // Act
    const misses = [...verdicts].flatMap(([key, values]) => {
      const [eventSource = '', eventName = ''] = key.split(' ');
      const category = classifyOperation(eventSource, eventName);
      return [...values].every((readOnly) => (category === 'read') === readOnly)
        ? []
        : [`${eventSource} ${eventName}: readOnly ${[...values].join('/')}, classified ${category}`];
    });
    const agreement = (verdicts.size - misses.length) / verdicts.size;
    console.log(
      `readOnly agreement: ${verdicts.size - misses.length}/${verdicts.size} = ${(agreement * 100).toFixed(1)}%\n` +
        misses.map((miss) => `  miss: ${miss}`).join('\n'),
    );
    // Assess
    expect(verdicts.size).toBeGreaterThan(150);
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });
});
