import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bruteForceWindows } from '../../test/brute-force-metrics';
import { EDGE_CASE_RECORDS } from '../../test/edge-case-records';
import { useTempDir } from '../../test/temp-dir';
import { writeNdjson } from '../generator';
import { duckdbWindowMetrics } from './duckdb';

const tempDir = useTempDir();
let generatedFile = '';
let edgeCaseFile = '';

beforeAll(async () => {
  generatedFile = path.join(tempDir(), 'generated.ndjson');
  // 5 minutes of traffic: thirty 10 s windows of ~160 calls, so ties at the top-K boundary are common.
  await writeNdjson(generatedFile, { records: 5000, spanSeconds: 300, seed: 11 });
  appendFileSync(generatedFile, EDGE_CASE_RECORDS.map((record) => `${JSON.stringify(record)}\n`).join(''));
  edgeCaseFile = path.join(tempDir(), 'edge-cases.ndjson');
  writeFileSync(edgeCaseFile, EDGE_CASE_RECORDS.map((record) => `${JSON.stringify(record)}\n`).join(''));
});

describe('DuckDB baseline', () => {
  it('computes every metric of every 10 s window exactly as a record-by-record count does', async () => {
    const expected = await bruteForceWindows(generatedFile, 10, 10);
    const actual = await duckdbWindowMetrics(generatedFile, { windowSeconds: 10, topK: 10, threads: 2 });
    expect(expected).toHaveLength(31);
    expect(actual).toEqual(expected);
  });

  it('follows the spec on identity keys, readOnly strings, errorCode, eventType and UTF-16 tie order', async () => {
    // topK 3 puts three keys tied at count 2 on the boundary; only UTF-16 order picks the spec's one.
    const expected = await bruteForceWindows(edgeCaseFile, 10, 3);
    const actual = await duckdbWindowMetrics(edgeCaseFile, { windowSeconds: 10, topK: 3, threads: 1 });
    expect(actual).toEqual(expected);
    const metrics = actual[0]?.metrics;
    expect(metrics?.topIps.map((entry) => entry.key)).toEqual(['198.51.100.1', 'unknown', '\u{1F600}']);
    expect(metrics?.callsByCategory.other).toBe(1);
    expect(metrics?.totalCalls).toBe(EDGE_CASE_RECORDS.length - 2);
  });
});
