// What the SQL baselines return: the engine's per-window output (BatchOutput.windows) without
// the anomaly score, which is detector-specific and has no SQL counterpart.
import { type WindowMetrics } from '@trailpulse/analytics';

export type BuiltInMetrics = Omit<WindowMetrics, 'anomalyScore' | 'approximate' | 'custom'>;

export interface BaselineWindow {
  readonly start: string;
  readonly end: string;
  readonly metrics: BuiltInMetrics;
}

/** What every metrics candidate is asked to compute. */
export interface WindowQuery {
  readonly windowSeconds: number;
  readonly topK: number;
}
