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

/** The shared Space-Saving sketch's own snapshot (../sketch); its invariants are checked by SpaceSaving.restore. */
const sketchSchema = z.strictObject({
  capacity: z.int().positive(),
  exact: z.boolean(),
  keys: z.array(z.string()),
  counts: z.array(countValue),
  errors: z.array(countValue).optional(),
});

export const topKSnapshotSchema = z.strictObject({ ...header, measure: z.literal('topK'), sketch: sketchSchema });

export const errorRateSnapshotSchema = z.strictObject({
  ...header,
  measure: z.literal('errorRate'),
  /** Records of the metric with the key present, and those of them that are errors (exact sums). */
  calls: countValue,
  errors: countValue,
  /** Calls by key and errors by key. */
  callSketch: sketchSchema,
  errorSketch: sketchSchema,
});

export const firstSeenSnapshotSchema = z.strictObject({
  ...header,
  measure: z.literal('firstSeen'),
  /** The window's distinct tuple keys (JSON arrays of strings), sorted; a bottom-k sample by hash when `sampled`. */
  keys: z.array(z.string()),
  sampled: z.boolean(),
});

export type CountSnapshot = z.infer<typeof countSnapshotSchema>;
export type DistinctCountSnapshot = z.infer<typeof distinctCountSnapshotSchema>;
export type TopKSnapshot = z.infer<typeof topKSnapshotSchema>;
export type ErrorRateSnapshot = z.infer<typeof errorRateSnapshotSchema>;
export type FirstSeenSnapshot = z.infer<typeof firstSeenSnapshotSchema>;

/** What every snapshot starts with. */
export function snapshotHeader(metricId: string): { readonly format: typeof SNAPSHOT_FORMAT; readonly metric: string } {
  return { format: SNAPSHOT_FORMAT, metric: metricId };
}

/** `state` validated as a snapshot of metric `metricId`, or a CustomMetricStateError saying why not. */
export function parseSnapshot<Snapshot extends { readonly metric: string }>(
  metricId: string,
  schema: z.ZodType<Snapshot>,
  state: unknown,
  of = "this metric's accumulator",
): Snapshot {
  const parsed = schema.safeParse(state);
  if (!parsed.success) {
    throw new CustomMetricStateError(metricId, `not a snapshot of ${of}:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  if (parsed.data.metric !== metricId) {
    throw new CustomMetricStateError(metricId, `the snapshot belongs to metric "${parsed.data.metric}"`);
  }
  return parsed.data;
}
