import { type DetectorState } from '@trailpulse/anomaly';
import { type WindowPartial } from '../state';

/** Bumped whenever the shape below changes; restore refuses other versions rather than guessing. */
export const ENGINE_SNAPSHOT_VERSION = 1;

/** One window held by the engine: its partial plus where it stands in the close/revise cycle. */
export interface EngineWindowSnapshot {
  readonly partial: WindowPartial;
  /** Closed at least once (emitted, unless it had no API call yet). */
  readonly closed: boolean;
  /** Changed since it was last emitted: the next close emits it again. */
  readonly revised: boolean;
  /** The score of its first emission, which revisions repeat; absent before that. */
  readonly anomalyScore?: number;
}

/**
 * Everything a streaming engine holds, as JSON: the windows still open or open to revision, the
 * watermark, and the detector's series. Also the unit of `mergePartials` between workers.
 */
export interface EngineSnapshot {
  readonly version: typeof ENGINE_SNAPSHOT_VERSION;
  readonly windowSeconds: number;
  /** The highest watermark seen; null before the first close. */
  readonly watermarkMs: number | null;
  /** Start of the last window fed to the detector; null before the first. */
  readonly lastScoredStartMs: number | null;
  readonly detector: DetectorState;
  /** By ascending start. */
  readonly windows: readonly EngineWindowSnapshot[];
}
