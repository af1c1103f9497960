import { z } from 'zod';
import { durationSchema } from './duration-schema';
import { type FieldPath, fieldPathSchema } from './field-path';
import { type FilterCondition, filterConditionSchema, filterDepth } from './filter-schema';
import {
  DEFAULT_ERROR_RATE_CAPACITY,
  DEFAULT_ERROR_RATE_HALF_LIFE_SECONDS,
  DEFAULT_ERROR_RATE_K,
  DEFAULT_ERROR_RATE_MIN_SCORE,
  DEFAULT_ERROR_RATE_PRIOR_RATE,
  DEFAULT_ERROR_RATE_TRACKED_KEYS,
  DEFAULT_FIRST_SEEN_CAPACITY,
  DEFAULT_FIRST_SEEN_K,
  MAX_ERROR_RATE_TRACKED_KEYS,
  MAX_FILTER_DEPTH,
  MAX_FIRST_SEEN_CAPACITY,
  MAX_FIRST_SEEN_FIELDS,
  MAX_SERIES_DURATION_SECONDS,
  MAX_TOP_K,
  MAX_TOP_K_CAPACITY,
} from './limits';
import { strictObject } from './strict-object';

/** `measure: { errorRate: ... }`: per-key error-rate spikes against each key's own baseline (see ../../README). */
export interface ErrorRateMeasure {
  /** The key calls and errors are counted under, e.g. `$identity`. */
  readonly by: FieldPath;
  /** Which of the metric's records are errors; absent = an errorCode is present and non-empty. */
  readonly errors?: FilterCondition;
  /** Spikes listed per window, highest score first. */
  readonly k: number;
  /** Keys counted per window (exact up to this many distinct keys). */
  readonly capacity: number;
  /** Keys that keep a cross-window baseline; the least active are forgotten beyond. */
  readonly trackedKeys: number;
  /** Seconds after which a key's past calls and errors weigh half. */
  readonly halfLife: number;
  /** Spikes listed score at least this (-log10 of the tail probability). */
  readonly minScore: number;
  /** The error rate assumed of a key without history (worth 10 calls). */
  readonly priorRate: number;
}

/** `measure: { firstSeen: ... }`: tuple keys never seen before in the series. */
export interface FirstSeenMeasure {
  /** The fields of the tuple key, e.g. `[$identity, $apiCall]`; records missing any of them are skipped. */
  readonly fields: readonly FieldPath[];
  /** New keys listed per window (the first `k`, sorted). */
  readonly k: number;
  /** Keys remembered at the design false-positive rate. */
  readonly capacity: number;
  /** Seconds from the start of the series during which keys are learned but not reported. */
  readonly learnFor: number;
}

export const errorRateSchema = strictObject(
  {
    by: fieldPathSchema,
    errors: filterConditionSchema.optional(),
    k: z.int().min(1).max(MAX_TOP_K).default(DEFAULT_ERROR_RATE_K),
    capacity: z.int().min(1).max(MAX_TOP_K_CAPACITY).default(DEFAULT_ERROR_RATE_CAPACITY),
    trackedKeys: z.int().min(1).max(MAX_ERROR_RATE_TRACKED_KEYS).default(DEFAULT_ERROR_RATE_TRACKED_KEYS),
    halfLife: durationSchema('halfLife', 60, MAX_SERIES_DURATION_SECONDS).default(DEFAULT_ERROR_RATE_HALF_LIFE_SECONDS),
    minScore: z.number().min(0).max(1_000).default(DEFAULT_ERROR_RATE_MIN_SCORE),
    priorRate: z.number().gt(0, 'priorRate must be above 0').lt(1, 'priorRate must be below 1').default(DEFAULT_ERROR_RATE_PRIOR_RATE),
  },
  'errorRate takes an object: { by: <path>, errors: <filter>, k: 10 }',
).transform((measure, ctx): ErrorRateMeasure => {
  if (measure.errors !== undefined && filterDepth(measure.errors) > MAX_FILTER_DEPTH) {
    ctx.issues.push({ code: 'custom', message: `and/or/not are nested more than ${MAX_FILTER_DEPTH} levels deep`, path: ['errors'], input: measure });
  }
  const { errors, ...rest } = measure;
  return errors === undefined ? rest : { ...rest, errors };
});

export const firstSeenSchema = strictObject(
  {
    fields: z
      .array(fieldPathSchema)
      .min(1, 'firstSeen needs at least one field')
      .max(MAX_FIRST_SEEN_FIELDS, `firstSeen takes at most ${MAX_FIRST_SEEN_FIELDS} fields`),
    k: z.int().min(1).max(MAX_TOP_K).default(DEFAULT_FIRST_SEEN_K),
    capacity: z.int().min(1).max(MAX_FIRST_SEEN_CAPACITY).default(DEFAULT_FIRST_SEEN_CAPACITY),
    learnFor: durationSchema('learnFor', 0, MAX_SERIES_DURATION_SECONDS).default(0),
  },
  'firstSeen takes an object: { fields: [<path>, ...], learnFor: "1h" }',
);
