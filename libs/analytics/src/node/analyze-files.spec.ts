import { type ReadStats } from '@trailpulse/event-schema';
import { InputPathError, readPaths } from '@trailpulse/event-schema/node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type CompiledCustomMetric, type CustomAccumulator } from '../custom/custom-metric';
import { analyzeBatches, type AnalyzeOptions } from '../engine';
import { analyzeFiles } from './analyze-files';
import { AnalyzeFilesOptionsError } from './analyze-files-errors';
import { trailLines, writeTrail } from './testing/generate-trail';

const OPTIONS: AnalyzeOptions = { windowSeconds: 60 };

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

  it('hands custom metrics full records by reading with the readers', async () => {
    // Prepare: a custom metric that needs a field the scanner does not project.
    const userAgents: CompiledCustomMetric = {
      id: 'userAgents',
      windowSeconds: undefined,
      createAccumulator: () => distinctCounter(new Set()),
      restoreAccumulator: (state) => distinctCounter(new Set(state as string[])),
    };
    const options = { ...OPTIONS, customMetrics: [userAgents] };
    // Act
    const parallel = await analyzeFiles([trail], { ...options, workers: 2 });
    // Assess
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
