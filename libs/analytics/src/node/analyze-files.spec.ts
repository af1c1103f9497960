import { type ReadStats } from '@trailpulse/event-schema';
import { InputPathError, readPaths } from '@trailpulse/event-schema/node';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileCustomMetric } from '../custom/compile';
import { type CompiledCustomMetric, type CustomAccumulator } from '../custom/custom-metric';
import { parseCustomMetricDefinitions } from '../custom/parse-definitions';
import { analyzeBatches, type AnalyzeOptions } from '../engine';
import { analyzeFiles } from './analyze-files';
import { AnalyzeFilesOptionsError } from './analyze-files-errors';
import { trailLines, writeTrail } from './testing/generate-trail';
import * as workerPool from './worker-pool';

const OPTIONS: AnalyzeOptions = { windowSeconds: 60 };
const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples/custom-metrics');

/** The shipped example metrics, compiled as the CLI compiles them. */
function exampleMetrics(): CompiledCustomMetric[] {
  return ['security-baseline.yaml', 'distinct-callers.json', 'access-denied-bursts.yaml', 'first-seen.yaml']
    .flatMap((name) => parseCustomMetricDefinitions(readFileSync(path.join(EXAMPLES_DIR, name), 'utf8'), name))
    .map((definition) => compileCustomMetric(definition));
}

/** The single pass every parallel run must equal: the readers into analyzeBatches. */
function singlePass(paths: readonly string[], options: AnalyzeOptions = OPTIONS, stdin?: AsyncIterable<Uint8Array>) {
  return analyzeBatches(readPaths(paths, stdin === undefined ? {} : { stdin }), options);
}

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

describe('analyzeFiles', () => {
  let dir: string;
  let trail: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'analyze-files-'));
    trail = path.join(dir, 'trail.ndjson');
    await writeTrail(trail, { records: 50_000, seed: 42, oddLines: true });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([1, 2, 3])('gives the single-pass result with %p worker(s) on a 50k-record trail', async (workers) => {
    // Act
    const parallel = await analyzeFiles([trail], { ...OPTIONS, workers });
    // Assess
    const expected = await singlePass([trail]);
    expect(parallel).toEqual(expected);
    expect(parallel.events.read).toBeGreaterThan(49_000);
    expect(parallel.windows.length).toBeGreaterThan(40);
  });

  it('reads a directory of every shape: the fast path for plain NDJSON, the readers for the rest', async () => {
    // Prepare
    const mixed = path.join(dir, 'mixed');
    mkdirSync(path.join(mixed, 'nested'), { recursive: true });
    const lines = [...trailLines({ records: 3000, seed: 7, oddLines: true })];
    const records = lines.slice(0, 50).filter((line) => line.startsWith('{"eventVersion"'));
    writeFileSync(path.join(mixed, 'a.ndjson'), `\uFEFF${lines.slice(0, 1000).join('\n')}`);
    writeFileSync(path.join(mixed, 'b.json'), JSON.stringify({ Records: records.map((line) => JSON.parse(line) as unknown) }, null, 2));
    writeFileSync(path.join(mixed, 'c.ndjson.gz'), gzipSync(lines.slice(1000, 2000).join('\n')));
    writeFileSync(path.join(mixed, 'nested', 'd.json'), `${lines.slice(2000, 2500).join('\n')}\n`);
    writeFileSync(path.join(mixed, 'nested', 'e.jsonl'), `${lines.slice(2500).join('\r\n')}\r\n`);
    writeFileSync(path.join(mixed, 'notes.txt'), 'not read');
    // Act
    const parallel = await analyzeFiles([mixed], { ...OPTIONS, workers: 2 });
    // Assess
    expect(parallel).toEqual(await singlePass([mixed]));
    expect(parallel.events.read).toBeGreaterThan(3000);
  });

  it('reads standard input with the readers', async () => {
    const text = [...trailLines({ records: 200, seed: 3 })].join('\n');
    expect(await analyzeFiles(['-'], { ...OPTIONS, stdin: bytesOf(text) })).toEqual(await singlePass(['-'], OPTIONS, bytesOf(text)));
  });

  it.each([1, 2, 3])('computes the shipped example custom metrics as the single pass does with %p worker(s)', async (workers) => {
    // Prepare
    const options = { ...OPTIONS, customMetrics: exampleMetrics() };
    const pool = jest.spyOn(workerPool, 'scanRangesInWorkers');
    // Act
    const parallel = await analyzeFiles([trail], { ...options, workers });
    // Assess
    const expected = await singlePass([trail], options);
    expect(parallel).toEqual(expected);
    // The trail went to the workers, with the definitions to compile there.
    expect(pool.mock.calls.map((call) => call[2].customMetrics?.map((definition) => definition.id))).toEqual(
      workers > 1 ? [options.customMetrics.map((metric) => metric.id)] : [],
    );
    pool.mockRestore();
    const custom = parallel.windows.map((window) => window.metrics.custom ?? {});
    expect(custom.every((values) => Object.keys(values).length === 15)).toBe(true);
    expect(custom.some((values) => ((values['access-denied-by-principal'] as { top: unknown[] } | undefined)?.top.length ?? 0) > 0)).toBe(true);
    expect(custom.some((values) => ((values['distinct-callers'] as { distinct: number } | undefined)?.distinct ?? 0) > 0)).toBe(true);
  });

  it.each([2, 3])('runs the series metrics (errorRate, firstSeen, anomaly) in the calling thread: %p worker(s) give the single pass', async (workers) => {
    // Prepare: short warm-up and a low bar, so that the 42-minute trail has new keys and spikes to compare.
    const yaml = [
      '- id: new-api',
      '  title: New principal x API',
      '  measure: { firstSeen: { fields: [$identity, $apiCall], learnFor: 5m, k: 50 } }',
      '  anomaly: true',
      '- id: new-network',
      '  title: New principal x network',
      '  measure: { firstSeen: { fields: [$identity, $ipPrefix, $region] } }',
      '- id: denied',
      '  title: Denied bursts',
      '  measure: { errorRate: { by: $identity, errors: { field: $errorClass, equals: access-denied }, minScore: 1, trackedKeys: 50 } }',
      '  anomaly: true',
    ].join('\n');
    const customMetrics = parseCustomMetricDefinitions(yaml, 'series.yaml').map((definition) => compileCustomMetric(definition));
    const options = { ...OPTIONS, customMetrics };
    // Act
    const parallel = await analyzeFiles([trail], { ...options, workers });
    // Assess
    expect(parallel).toEqual(await singlePass([trail], options));
    const values = parallel.windows.map((window) => window.metrics.custom ?? {});
    expect(values.some((v) => ((v['new-api'] as { count: number }).count > 0 && (v['new-api'] as { learning?: true }).learning === undefined))).toBe(true);
    expect(values.some((v) => (v['denied'] as { spikes: unknown[] }).spikes.length > 0)).toBe(true);
    expect(values.every((v) => (v['denied'] as { trackedKeys: number }).trackedKeys <= 50)).toBe(true);
  });

  it('hands a hand-built custom metric (no definition to send to workers) full records by reading with the readers', async () => {
    // Prepare: a custom metric that needs a field the scanner does not project.
    const userAgents: CompiledCustomMetric = {
      id: 'userAgents',
      windowSeconds: undefined,
      createAccumulator: () => distinctCounter(new Set()),
      restoreAccumulator: (state) => distinctCounter(new Set(state as string[])),
    };
    const options = { ...OPTIONS, customMetrics: [userAgents] };
    const pool = jest.spyOn(workerPool, 'scanRangesInWorkers');
    // Act
    const parallel = await analyzeFiles([trail], { ...options, workers: 2 });
    // Assess
    expect(pool).not.toHaveBeenCalled();
    pool.mockRestore();
    expect(parallel).toEqual(await singlePass([trail], options));
    expect(parallel.windows[0]?.metrics.custom?.['userAgents']).toBeGreaterThan(0);
  });

  it('reports progress up to the final counts', async () => {
    const seen: ReadStats[] = [];
    const output = await analyzeFiles([trail], { ...OPTIONS, workers: 2, onProgress: (stats) => seen.push({ ...stats }) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((stats) => stats.read)).toEqual([...seen.map((stats) => stats.read)].sort((a, b) => a - b));
    expect(seen[seen.length - 1]?.read).toBe(output.events.read);
    expect(seen[seen.length - 1]?.filesRead).toBe(1);
  });

  it('refuses a worker count that is not a positive integer', async () => {
    await expect(analyzeFiles([trail], { ...OPTIONS, workers: 0 })).rejects.toThrow(AnalyzeFilesOptionsError);
  });

  it('fails before reading when a path does not exist', async () => {
    await expect(analyzeFiles([trail, path.join(dir, 'missing.ndjson')], OPTIONS)).rejects.toThrow(InputPathError);
  });
});

/** A custom metric accumulator counting distinct userAgent values. */
function distinctCounter(values: Set<string>): CustomAccumulator {
  return {
    add: (record) => {
      if (typeof record['userAgent'] === 'string') values.add(record['userAgent']);
    },
    merge: (other) => {
      for (const value of other.snapshot() as string[]) values.add(value);
    },
    snapshot: () => [...values].sort(),
    result: () => values.size,
  };
}
