import { type AnomalyDetector, type DetectorFactory, type DetectorState } from '@trailpulse/anomaly';

/**
 * Feeds window totals to a detector in event-time order. A detector learns each point once, in
 * time order; a window that closes after a later one was already scored (history replayed, or a
 * window whose state had been evicted) is scored against a throwaway copy of the detector, so it
 * gets a score against the series so far without teaching the series a point out of order.
 */
export class AnomalyScorer {
  private constructor(
    private readonly factory: DetectorFactory,
    private readonly detector: AnomalyDetector,
    private lastScoredStartMs: number,
  ) {}

  static create(factory: DetectorFactory): AnomalyScorer {
    return new AnomalyScorer(factory, factory.create(), -Infinity);
  }

  /** @throws the factory's DetectorStateError when `state` belongs to another detector. */
  static restore(factory: DetectorFactory, state: DetectorState, lastScoredStartMs: number | null): AnomalyScorer {
    return new AnomalyScorer(factory, factory.restore(state), lastScoredStartMs ?? -Infinity);
  }

  score(startMs: number, totalCalls: number): number {
    if (startMs > this.lastScoredStartMs) {
      this.lastScoredStartMs = startMs;
      return this.detector.update(startMs, totalCalls);
    }
    return this.factory.restore(this.detector.snapshot()).update(startMs, totalCalls);
  }

  get detectorState(): DetectorState {
    return this.detector.snapshot();
  }

  get lastScoredStart(): number | null {
    return Number.isFinite(this.lastScoredStartMs) ? this.lastScoredStartMs : null;
  }
}
