import { z } from 'zod';
import { CustomMetricStateError } from './state-error';

/** Version tag of accumulator snapshots: bump it when their shape changes, so old checkpoints fail loudly. */
export const SNAPSHOT_FORMAT = 'trailpulse.custom-metric.v1';

const header = {
  format: z.literal(SNAPSHOT_FORMAT),
  /** The metric id, so a checkpoint is never restored into another metric. */
  metric: z.string(),
};

const countValue = z.int().nonnegative();

export const countSnapshotSchema = z.strictObject({ ...header, measure: z.literal('count'), count: countValue });

export const distinctCountSnapshotSchema = z.union([
  /** Exact regime: the keys, sorted. */
  z.strictObject({ ...header, measure: z.literal('distinctCount'), keys: z.array(z.string()) }),
  /** Approximate regime: HyperLogLog registers, one character each. */
  z.strictObject({ ...header, measure: z.literal('distinctCount'), registers: z.string() }),
]);

export const topKSnapshotSchema = z.strictObject({
  ...header,
  measure: z.literal('topK'),
  /** The shared Space-Saving sketch's own snapshot (../sketch); its invariants are checked by SpaceSaving.restore. */
  sketch: z.strictObject({
    capacity: z.int().positive(),
    exact: z.boolean(),
    keys: z.array(z.string()),
    counts: z.array(countValue),
    errors: z.array(countValue).optional(),
  }),
});

export type CountSnapshot = z.infer<typeof countSnapshotSchema>;
export type DistinctCountSnapshot = z.infer<typeof distinctCountSnapshotSchema>;
export type TopKSnapshot = z.infer<typeof topKSnapshotSchema>;

/** What every snapshot starts with. */
export function snapshotHeader(metricId: string): { readonly format: typeof SNAPSHOT_FORMAT; readonly metric: string } {
  return { format: SNAPSHOT_FORMAT, metric: metricId };
}

/** `state` validated as a snapshot of metric `metricId`, or a CustomMetricStateError saying why not. */
export function parseSnapshot<Snapshot extends { readonly metric: string }>(
  metricId: string,
  schema: z.ZodType<Snapshot>,
  state: unknown,
): Snapshot {
  const parsed = schema.safeParse(state);
  if (!parsed.success) {
    throw new CustomMetricStateError(metricId, `not a snapshot of this metric's accumulator:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  if (parsed.data.metric !== metricId) {
    throw new CustomMetricStateError(metricId, `the snapshot belongs to metric "${parsed.data.metric}"`);
  }
  return parsed.data;
}
