import { readFileSync } from 'node:fs';
import { type AnalyzeResult } from './analyze';
import { type RawRecord } from './replay-fixture';

/** Where globalSetup leaves the suite state for the spec files (they run in other processes). */
export const STATE_ENV = 'TRAILPULSE_E2E_STATE';

export interface TimeRangeMs {
  readonly fromMs: number;
  readonly toMs: number;
}

/** A filter the filter tests apply, with what `trailpulse analyze` says about the matching records. */
export interface FilterCase {
  readonly name: 'account' | 'region' | 'service';
  readonly value: string;
  readonly expected: AnalyzeResult;
}

export interface SuiteState {
  readonly runtime: { readonly url: string; readonly loginUrl: string; readonly token: string; readonly pid: number };
  readonly tmpDir: string;
  readonly records: readonly RawRecord[];
  /** Ends 10 minutes after the replay, before anything the live test ingests. */
  readonly replayRange: TimeRangeMs;
  /** The replay and the next half hour: the live test's records land in it. */
  readonly liveRange: TimeRangeMs;
  readonly expected: AnalyzeResult;
  readonly filters: readonly FilterCase[];
}

export function readSuiteState(): SuiteState {
  const path = process.env[STATE_ENV];
  if (path === undefined) throw new Error(`${STATE_ENV} is not set: run the e2e specs through apps/dashboard-e2e/jest.config.cjs (its globalSetup starts the runtime)`);
  return JSON.parse(readFileSync(path, 'utf8')) as SuiteState;
}
