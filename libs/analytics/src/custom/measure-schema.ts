import { z } from 'zod';
import { type FieldPath, fieldPathSchema } from './field-path';
import { DEFAULT_TOP_K, DEFAULT_TOP_K_CAPACITY, MAX_TOP_K, MAX_TOP_K_CAPACITY } from './limits';
import { type ErrorRateMeasure, errorRateSchema, type FirstSeenMeasure, firstSeenSchema } from './series-measure-schema';
import { hadUnknownKey, strictObject } from './strict-object';

export interface TopKMeasure {
  /** The key each matching record is counted under. */
  readonly by: FieldPath;
  /** Length of the output list. */
  readonly k: number;
  /** Keys tracked per window; counts are exact while a window has at most this many distinct keys. */
  readonly capacity: number;
}

/** What a metric computes over the records its filter keeps (one accumulator per window). */
export type MeasureDefinition =
  | { readonly count: true }
  | { readonly distinctCount: FieldPath }
  | { readonly topK: TopKMeasure }
  | { readonly errorRate: ErrorRateMeasure }
  | { readonly firstSeen: FirstSeenMeasure };

const MEASURE_KINDS = ['count', 'distinctCount', 'topK', 'errorRate', 'firstSeen'] as const;

const topKSchema = strictObject(
  {
    by: fieldPathSchema,
    k: z.int().min(1).max(MAX_TOP_K).default(DEFAULT_TOP_K),
    capacity: z.int().min(1).max(MAX_TOP_K_CAPACITY).optional(),
  },
  'topK takes an object: { by: <path>, k: 10 }',
).transform((topK, ctx): TopKMeasure => {
  const capacity = topK.capacity ?? Math.max(DEFAULT_TOP_K_CAPACITY, topK.k);
  if (capacity < topK.k) {
    ctx.issues.push({ code: 'custom', message: `capacity ${capacity} is smaller than k ${topK.k}`, path: ['capacity'], input: topK });
  }
  return { by: topK.by, k: topK.k, capacity };
});

const measureObjectSchema = strictObject(
  {
    count: z.literal(true, { error: '"count" takes true (or write the measure as the string "count")' }).optional(),
    distinctCount: fieldPathSchema.optional(),
    topK: topKSchema.optional(),
    errorRate: errorRateSchema.optional(),
    firstSeen: firstSeenSchema.optional(),
  },
  'a measure is "count", { count: true }, { distinctCount: <path> }, { topK: { by: <path>, k: 10 } }, { errorRate: { by: <path> } } or { firstSeen: { fields: [<path>, ...] } }',
);

/**
 * `"count"`, `{ count: true }`, `{ distinctCount: <path> }`, `{ topK: { by: <path>, k?, capacity? } }`,
 * `{ errorRate: { by: <path>, errors?, ... } }` or `{ firstSeen: { fields: [<path>, ...], ... } }`.
 * The output always has the object form with k and capacity filled in, which parses to itself.
 */
export const measureSchema: z.ZodType<MeasureDefinition> = z
  .preprocess((value) => (value === 'count' ? { count: true } : value), measureObjectSchema)
  .transform((measure, ctx): MeasureDefinition => {
    if (hadUnknownKey(ctx.issues)) return z.NEVER;
    const kinds = MEASURE_KINDS.filter((kind) => measure[kind] !== undefined);
    if (kinds.length !== 1) {
      const found = kinds.length === 0 ? 'none' : kinds.join(' and ');
      ctx.issues.push({ code: 'custom', message: `a measure is exactly one of "count", ${MEASURE_KINDS.slice(1).join(', ')}; found ${found}`, input: measure });
      return z.NEVER;
    }
    if (measure.distinctCount !== undefined) return { distinctCount: measure.distinctCount };
    if (measure.topK !== undefined) return { topK: measure.topK };
    if (measure.errorRate !== undefined) return { errorRate: measure.errorRate };
    if (measure.firstSeen !== undefined) return { firstSeen: measure.firstSeen };
    return { count: true };
  });
