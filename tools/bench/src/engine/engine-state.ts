// "Max serialized window state": how large one window's snapshot gets when a window holds far
// more distinct keys than its top-K sketches keep. This bounds what a checkpoint (Lambda window
// state, a DynamoDB item) must hold, whatever the traffic.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type AcceptedRecord } from '@trailpulse/event-schema';
import { readPaths } from '@trailpulse/event-schema/node';
import { type WindowQuery } from '../baselines/baseline-window';
import { type TsRunner } from '../measure/workspace';
import { EngineLoadError, loadWorkspaceExport } from './engine-module';

/** Where `createEngine` (with `add` and `snapshot()`) lives. */
export const ENGINE_INDEX_ENTRY = 'libs/analytics/src/engine/index.ts';

interface SnapshotEngine {
  add(accepted: AcceptedRecord): void;
  snapshot(): unknown;
}

type CreateEngine = (options: WindowQuery) => unknown;

/** Undefined when the state can be measured, else the line the bench prints instead. */
export function engineStateMissingReason(workspaceRoot: string): string | undefined {
  return existsSync(path.join(workspaceRoot, ENGINE_INDEX_ENTRY)) ? undefined : `not available yet (${ENGINE_INDEX_ENTRY} missing)`;
}

function asSnapshotEngine(engine: unknown): SnapshotEngine {
  const candidate = engine as Partial<Record<keyof SnapshotEngine, unknown>> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.add !== 'function' || typeof candidate.snapshot !== 'function') {
    throw new EngineLoadError('createEngine() did not return an engine with add() and snapshot()');
  }
  return engine as SnapshotEngine;
}

/** Serialized size of the largest entry of `snapshot().windows`. */
export function largestWindowBytes(snapshot: unknown): number {
  const windows = typeof snapshot === 'object' && snapshot !== null ? (snapshot as { windows?: unknown }).windows : undefined;
  if (!Array.isArray(windows)) throw new EngineLoadError('engine.snapshot() has no windows array');
  return windows.reduce((largest: number, window: unknown) => Math.max(largest, Buffer.byteLength(JSON.stringify(window))), 0);
}

/** Loads createEngine (not timed) and returns the measurement: feed every record of a file, then snapshot. */
export function measureLargestSnapshot(runner: TsRunner): (file: string, query: WindowQuery) => Promise<number> {
  const createEngine = loadWorkspaceExport(runner, ENGINE_INDEX_ENTRY, 'createEngine');
  if (typeof createEngine !== 'function') throw new EngineLoadError(`${ENGINE_INDEX_ENTRY} does not export a function createEngine`);
  return async (file, query) => {
    const engine = asSnapshotEngine((createEngine as CreateEngine)(query));
    for await (const batch of readPaths([file])) {
      for (const accepted of batch.accepted) engine.add(accepted);
    }
    return largestWindowBytes(engine.snapshot());
  };
}
