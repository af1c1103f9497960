import { type DetectorState } from '@trailpulse/anomaly';
import { type WindowPartial } from '../state';
import { type CustomSeriesSnapshot, type CustomWindowMemo } from './custom-series-runner';

/**
 * Bumped whenever the shape below changes; restore refuses other versions rather than guessing.
 * 2 added the custom metrics' series (`customSeries`, window `customMemos`); a version 1 snapshot
 * is still read, as one without them (their series start afresh).
 */
export const ENGINE_SNAPSHOT_VERSION = 2;
export const READABLE_ENGINE_SNAPSHOT_VERSIONS: readonly number[] = [1, ENGINE_SNAPSHOT_VERSION];

/** One window held by the engine: its partial plus where it stands in the close/revise cycle. */
export interface EngineWindowSnapshot {
  readonly partial: WindowPartial;
  /** Closed at least once (emitted, unless it had no API call yet). */
  readonly closed: boolean;
  /** Changed since it was last emitted: the next close emits it again. */
  readonly revised: boolean;
  /** The score of its first emission, which revisions repeat; absent before that. */
  readonly anomalyScore?: number;
  /** Per custom metric with a series or an anomaly score (by id): what its first emission left for revisions. */
  readonly customMemos?: Readonly<Record<string, CustomWindowMemo>>;
}

/**
 * Everything a streaming engine holds, as JSON: the windows still open or open to revision, the
 * watermark, and the detector's series. Also the unit of `mergePartials` between workers.
 */
export interface EngineSnapshot {
  /** {@link ENGINE_SNAPSHOT_VERSION} when written; 1 is read too. */
  readonly version: number;
  readonly windowSeconds: number;
  /** The highest watermark seen; null before the first close. */
  readonly watermarkMs: number | null;
  /** Start of the last window fed to the detector; null before the first. */
  readonly lastScoredStartMs: number | null;
  readonly detector: DetectorState;
  /** By ascending start. */
  readonly windows: readonly EngineWindowSnapshot[];
  /** Cross-window state of custom metrics (errorRate baselines, firstSeen sets, anomaly detectors), by metric id. */
  readonly customSeries?: Readonly<Record<string, CustomSeriesSnapshot>>;
}
