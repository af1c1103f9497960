// The engine is written in libs/analytics by other people while this bench exists, so it is
// found and loaded at run time (bundled from source by the workspace TypeScript runner) rather
// than imported: the bench compiles, and measures everything else, before the engine is there.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readPaths, type SourceBatch } from '@trailpulse/event-schema/node';
import { type BaselineWindow } from '../baselines/baseline-window';
import { requireFile, type TsRunner } from '../measure/workspace';

/** Where `analyzeBatches(readPaths([file]), { windowSeconds, topK })` lives: the engine on one thread. */
export const ENGINE_ANALYZE_ENTRY = 'libs/analytics/src/engine/analyze.ts';
/** Where `analyzeFiles([file], { windowSeconds, topK })` lives (`@trailpulse/analytics/node`): the engine on every core. */
export const ENGINE_NODE_ENTRY = 'libs/analytics/src/node/index.ts';

export interface AnalyzeOptions {
  readonly windowSeconds: number;
  readonly topK: number;
}

export type AnalyzeBatches = (batches: AsyncIterable<SourceBatch>, options: AnalyzeOptions) => unknown;
export type AnalyzeFiles = (paths: readonly string[], options: AnalyzeOptions) => unknown;

/** The engine exists but cannot be used as the bench expects. */
export class EngineLoadError extends Error {
  override readonly name = 'EngineLoadError';
}

/** Undefined when `entry` exists and can be measured, else the line the bench prints instead. */
export function engineMissingReason(workspaceRoot: string, entry: string): string | undefined {
  return existsSync(path.join(workspaceRoot, entry)) ? undefined : `not available yet (${entry} missing)`;
}

/** A named export of a TypeScript module of the workspace, bundled from source. */
export function loadWorkspaceExport(runner: TsRunner, entry: string, name: string): unknown {
  let loaded: unknown;
  try {
    loaded = requireFile(runner.bundle(entry));
  } catch (cause) {
    throw new EngineLoadError(`cannot load ${entry}`, { cause });
  }
  return typeof loaded === 'object' && loaded !== null ? (loaded as Record<string, unknown>)[name] : undefined;
}

function loadFunction(runner: TsRunner, entry: string, name: string): unknown {
  const loaded = loadWorkspaceExport(runner, entry, name);
  if (typeof loaded !== 'function') throw new EngineLoadError(`${entry} does not export a function ${name}`);
  return loaded;
}

export function loadAnalyzeBatches(runner: TsRunner): AnalyzeBatches {
  return loadFunction(runner, ENGINE_ANALYZE_ENTRY, 'analyzeBatches') as AnalyzeBatches;
}

export function loadAnalyzeFiles(runner: TsRunner): AnalyzeFiles {
  return loadFunction(runner, ENGINE_NODE_ENTRY, 'analyzeFiles') as AnalyzeFiles;
}

function isWindow(value: unknown): value is BaselineWindow {
  if (typeof value !== 'object' || value === null) return false;
  const window = value as Partial<Record<keyof BaselineWindow, unknown>>;
  return typeof window.start === 'string' && typeof window.end === 'string' && typeof window.metrics === 'object' && window.metrics !== null;
}

/** The windows of the engine's BatchOutput, checked to have the shape the comparison reads. */
function batchOutputWindows(output: unknown): BaselineWindow[] {
  const windows = typeof output === 'object' && output !== null ? (output as { windows?: unknown }).windows : undefined;
  if (!Array.isArray(windows) || !windows.every(isWindow)) {
    throw new EngineLoadError('the engine did not return a BatchOutput with windows [{ start, end, metrics }]');
  }
  return windows;
}

/** The one-thread engine's windows for one file, read by the project's streaming reader. */
export async function analyzeFileOnOneThread(analyzeBatches: AnalyzeBatches, file: string, options: AnalyzeOptions): Promise<BaselineWindow[]> {
  return batchOutputWindows(await analyzeBatches(readPaths([file]), options));
}

/** The multi-core engine's windows for one file. */
export async function analyzeFileOnAllCores(analyzeFiles: AnalyzeFiles, file: string, options: AnalyzeOptions): Promise<BaselineWindow[]> {
  return batchOutputWindows(await analyzeFiles([file], options));
}
