/**
 * A streaming anomaly detector over one series (e.g. totalCalls per window). It sees each point
 * once, in time order, and scores it against the points before it: no look-ahead.
 */
export interface AnomalyDetector {
  /** Scores `value` at `timestampMs` against the series so far, then learns it. Finite, >= 0. */
  update(timestampMs: number, value: number): number;
  /** Serializable state (a few KB at most) so a Lambda or the local runtime can resume the series. */
  snapshot(): DetectorState;
}

/** JSON-serializable detector state, tagged with the detector that wrote it. */
export interface DetectorState {
  readonly detector: string;
  readonly version: number;
  readonly data: unknown;
}

/** Creates detectors of one kind, fresh or resumed from a snapshot. */
export interface DetectorFactory {
  readonly name: string;
  create(): AnomalyDetector;
  /** Resumes from `state`; throws a DetectorStateError when the state was written by another detector. */
  restore(state: DetectorState): AnomalyDetector;
}

export class DetectorStateError extends Error {
  override readonly name = 'DetectorStateError';
}
