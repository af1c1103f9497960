import { type SpaceSavingSnapshot } from '../sketch';

/** Bumped whenever the shape below changes; restore refuses other versions rather than guessing. */
export const WINDOW_PARTIAL_VERSION = 1;

/**
 * A window's mergeable state as compact JSON: what a checkpoint (Lambda tumbling-window state,
 * DynamoDB item) or another worker holds. Maps are parallel arrays in a canonical order, so two
 * partials of the same records are byte-identical whatever order the records came in.
 */
export interface WindowPartial {
  readonly version: typeof WINDOW_PARTIAL_VERSION;
  readonly startMs: number;
  readonly windowMs: number;
  readonly totalCalls: number;
  /** callsByService as [eventSources in ascending order, their counts]. */
  readonly services: readonly [readonly string[], readonly number[]];
  /** callsByCategory as [create, modify, delete, read, other]. */
  readonly categories: readonly [number, number, number, number, number];
  readonly ec2SuccessfulCalls: number;
  readonly topApiCalls: SpaceSavingSnapshot;
  readonly topUsers: SpaceSavingSnapshot;
  readonly topIps: SpaceSavingSnapshot;
  /** Custom metric accumulator snapshots by metric id; absent when the engine has no custom metrics. */
  readonly custom?: Readonly<Record<string, unknown>>;
}
