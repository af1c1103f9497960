// Entry point of a measurement child process: loads one candidate, times its work on the file,
// and writes the timing, its peak RSS and (optionally) its windows to the result file.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type BaselineWindow } from '../baselines/baseline-window';
import { type ChildRequest, type ChildResult, decodeRequest } from './child-protocol';
import { loadTsRunner } from './workspace';

interface Measured {
  readonly windows?: readonly BaselineWindow[];
  readonly largestSnapshotBytes?: number;
}

/**
 * Loads what the candidate needs (not timed) and returns its timed work. Modules are imported
 * here, per candidate, so no child carries another candidate's code or native library in its RSS.
 */
async function prepare(request: ChildRequest): Promise<() => Promise<Measured>> {
  const query = { windowSeconds: request.windowSeconds, topK: request.topK };
  switch (request.candidate) {
    case 'floor': {
      const { jsonParseFloor } = await import('../baselines/json-parse-floor');
      return async () => {
        await jsonParseFloor(request.file);
        return {};
      };
    }
    case 'duckdb': {
      const { duckdbWindowMetrics } = await import('../baselines/duckdb');
      return async () => ({ windows: await duckdbWindowMetrics(request.file, query) });
    }
    case 'chdb': {
      const [{ chdbWindowMetrics }, { loadChdb }] = await Promise.all([import('../baselines/chdb'), import('../baselines/chdb-module')]);
      const chdb = loadChdb(request.chdbDir);
      return async () => ({ windows: chdbWindowMetrics(chdb, request.file, query) });
    }
    case 'engine': {
      const { analyzeFileOnOneThread, loadAnalyzeBatches } = await import('../engine/engine-module');
      const analyzeBatches = loadAnalyzeBatches(loadTsRunner(request.workspaceRoot));
      return async () => ({ windows: await analyzeFileOnOneThread(analyzeBatches, request.file, query) });
    }
    case 'engine-node': {
      const { analyzeFileOnAllCores, loadAnalyzeFiles } = await import('../engine/engine-module');
      const analyzeFiles = loadAnalyzeFiles(loadTsRunner(request.workspaceRoot));
      return async () => ({ windows: await analyzeFileOnAllCores(analyzeFiles, request.file, query) });
    }
    case 'engine-state': {
      const { measureLargestSnapshot } = await import('../engine/engine-state');
      const measure = measureLargestSnapshot(loadTsRunner(request.workspaceRoot));
      return async () => ({ largestSnapshotBytes: await measure(request.file, query) });
    }
  }
}

async function main(): Promise<void> {
  const request = decodeRequest(process.argv[2]);
  const work = await prepare(request);
  const started = performance.now();
  const measured = await work();
  const wallMs = performance.now() - started;
  const result: ChildResult = {
    wallMs,
    // resourceUsage reports kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    ...(request.keepWindows && measured.windows !== undefined ? { windows: measured.windows } : {}),
    ...(measured.largestSnapshotBytes !== undefined ? { largestSnapshotBytes: measured.largestSnapshotBytes } : {}),
  };
  writeFileSync(request.resultFile, JSON.stringify(result));
}

main().catch((error: unknown) => {
  // The parent shows this text as the reason the candidate failed.
  console.error(error instanceof Error ? describeWithCauses(error) : String(error));
  process.exitCode = 1;
});

function describeWithCauses(error: Error): string {
  const parts = [error.message];
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) parts.push(cause.message);
  return parts.join(': ');
}
