import { z } from 'zod';

/** Version tag of series snapshots (engine checkpoints): bump it when their shape changes. */
export const SERIES_SNAPSHOT_FORMAT = 'trailpulse.custom-series.v1';

const header = { format: z.literal(SERIES_SNAPSHOT_FORMAT), metric: z.string() };
const finiteNonNegative = z.number().nonnegative().finite();
const time = z.number().finite();

export const errorRateSeriesSnapshotSchema = z
  .strictObject({
    ...header,
    measure: z.literal('errorRate'),
    /** Start of the last window learned; null before the first. */
    lastLearnedStartMs: time.nullable(),
    /** Per key, parallel arrays, keys sorted. */
    keys: z.array(z.string()),
    calls: z.array(finiteNonNegative),
    errors: z.array(finiteNonNegative),
    atMs: z.array(time),
  })
  .refine((s) => s.calls.length === s.keys.length && s.errors.length === s.keys.length && s.atMs.length === s.keys.length, {
    message: 'keys, calls, errors and atMs must have the same length',
  })
  .refine((s) => new Set(s.keys).size === s.keys.length, { message: 'a key is repeated' });

export const firstSeenSeriesSnapshotSchema = z.union([
  z.strictObject({
    ...header,
    measure: z.literal('firstSeen'),
    startMs: time.nullable(),
    /** Exact regime: the remembered keys, sorted. */
    keys: z.array(z.string()),
  }),
  z.strictObject({
    ...header,
    measure: z.literal('firstSeen'),
    startMs: time.nullable(),
    /** Bloom regime: the filter's bits, base64. */
    bloom: z.strictObject({ bits: z.int().positive(), hashes: z.int().positive(), data: z.string() }),
  }),
]);

export type ErrorRateSeriesSnapshot = z.infer<typeof errorRateSeriesSnapshotSchema>;
export type FirstSeenSeriesSnapshot = z.infer<typeof firstSeenSeriesSnapshotSchema>;

export function seriesHeader(metricId: string): { readonly format: typeof SERIES_SNAPSHOT_FORMAT; readonly metric: string } {
  return { format: SERIES_SNAPSHOT_FORMAT, metric: metricId };
}
