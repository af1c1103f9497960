import { type WindowPartial } from '@trailpulse/analytics';
import { z } from 'zod';

/** Version tag of a row body: bump it when the shape changes, so old rows fail loudly, not silently. */
export const STORED_WINDOW_FORMAT = 'trailpulse.window-row.v1';

/** One custom metric's accumulator snapshot, with the fingerprint of the definition that produced it. */
export interface StoredCustomState {
  /** See merge/custom-fingerprint.ts: states of different definitions never merge. */
  readonly fp: string;
  readonly state: unknown;
}

/**
 * What a window row holds: the engine's built-in partial (without `custom`) and each custom
 * metric's state beside it, so a state can be kept, merged or replaced per metric.
 */
export interface StoredWindow {
  readonly partial: WindowPartial;
  readonly custom: Readonly<Record<string, StoredCustomState>>;
}

/**
 * The envelope checked on read. The partial itself is checked by the engine's
 * WindowState.restore, the custom states by each metric's restoreAccumulator.
 */
export const storedWindowSchema = z.object({
  format: z.literal(STORED_WINDOW_FORMAT),
  partial: z.looseObject({ version: z.number(), startMs: z.number(), windowMs: z.number() }),
  custom: z.record(z.string(), z.object({ fp: z.string(), state: z.unknown() })),
});

export type StoredWindowDocument = z.infer<typeof storedWindowSchema>;
