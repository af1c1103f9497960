import { type ActivityCategory } from '@trailpulse/event-schema';

/** One entry of a top-K list (metrics.md): `error` only when the list may not be exact. */
export interface TopEntry {
  readonly key: string;
  readonly count: number;
  /** The count's maximum overestimation; present only on lists named in `approximate`. */
  readonly error?: number;
}

/** The built-in per-window metrics, keyed exactly as metrics.md names them. */
export interface WindowMetrics {
  readonly totalCalls: number;
  readonly callsByService: Readonly<Record<string, number>>;
  readonly callsByCategory: Readonly<Record<ActivityCategory, number>>;
  readonly topApiCalls: readonly TopEntry[];
  readonly topUsers: readonly TopEntry[];
  readonly topIps: readonly TopEntry[];
  readonly maxCallsByIp: { readonly key: string; readonly count: number };
  readonly ec2SuccessfulCalls: number;
  readonly anomalyScore: number;
  /** Names of the top-K lists that may not be exact; absent when all are exact. */
  readonly approximate?: readonly string[];
  /** Custom metrics by id; absent when none are defined. */
  readonly custom?: Readonly<Record<string, unknown>>;
}

/** One closed (or revised) window. Timestamps are ISO-8601 UTC with milliseconds. */
export interface WindowResult {
  readonly start: string;
  readonly end: string;
  readonly metrics: WindowMetrics;
}

/** `events` of the batch output: what was read, accepted and rejected, and why. */
export interface EventCounts {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectReasons: Readonly<Record<string, number>>;
  readonly byEventType: Readonly<Record<string, number>>;
}

/** The output of `trailpulse analyze --json` (metrics.md "Batch output"). */
export interface BatchOutput {
  readonly events: EventCounts;
  readonly windowSeconds: number;
  readonly windows: readonly WindowResult[];
}
