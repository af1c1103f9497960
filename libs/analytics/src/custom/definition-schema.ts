import { z } from 'zod';
import { filterConditionSchema, filterDepth } from './filter-schema';
import { MAX_DESCRIPTION_LENGTH, MAX_FILTER_DEPTH, MAX_ID_LENGTH, MAX_TITLE_LENGTH } from './limits';
import { measureSchema } from './measure-schema';
import { strictObject } from './strict-object';
import { windowSchema } from './window-schema';

export { type FieldPath, DERIVED_KEYS, type DerivedKey } from './field-path';
export { type FieldCondition, type FilterCondition, type ScalarValue } from './filter-schema';
export { type MeasureDefinition, type TopKMeasure } from './measure-schema';
export { type ErrorRateMeasure, type FirstSeenMeasure } from './series-measure-schema';

/** A slug: it becomes a JSON key of `metrics.custom`, a URL segment and a file name. */
const ID_PATTERN = new RegExp(`^[a-z][a-z0-9-]{0,${MAX_ID_LENGTH - 1}}$`);

const metricIdSchema = z
  .string()
  .regex(ID_PATTERN, `an id is a lower-case slug: a letter, then letters, digits or "-" (at most ${MAX_ID_LENGTH} characters)`);

/** True for a valid metric id. */
export function isMetricId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/**
 * One custom metric, as analysts write it in JSON or YAML (see ./README.md and
 * examples/custom-metrics/). Parsing fills the defaults and normalizes `window` to seconds and
 * `measure` to its object form; the output is itself a valid input that parses to the same value.
 */
export const customMetricDefinitionSchema = strictObject(
  {
    id: metricIdSchema,
    title: z.string().trim().min(1, 'cannot be empty').max(MAX_TITLE_LENGTH),
    description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
    /** Absent: every accepted record (that `apiCallsOnly` lets through). */
    filter: filterConditionSchema.optional(),
    measure: measureSchema,
    /** Absent: the engine's window. */
    window: windowSchema.optional(),
    /** Count only API calls (eventType "AwsApiCall" or absent), like the built-in metrics. */
    apiCallsOnly: z.boolean().default(true),
    /** Ask for an anomaly score of this metric's series. */
    anomaly: z.boolean().default(false),
  },
  'a metric definition is an object with id, title, measure and optionally filter, window, description, apiCallsOnly, anomaly',
).superRefine((definition, ctx) => {
  if (definition.filter !== undefined && filterDepth(definition.filter) > MAX_FILTER_DEPTH) {
    ctx.addIssue({ code: 'custom', message: `and/or/not are nested more than ${MAX_FILTER_DEPTH} levels deep`, path: ['filter'] });
  }
});

export type CustomMetricDefinition = z.output<typeof customMetricDefinitionSchema>;
/** What an analyst may write: defaults optional, `measure` may be "count", `window` may be "5m". */
export type CustomMetricDefinitionInput = z.input<typeof customMetricDefinitionSchema>;

/**
 * A list of definitions whose ids are unique. The check also runs when some definitions are
 * invalid (it reads ids defensively), so a duplicate is reported with the other problems.
 */
export const customMetricListSchema = z.array(customMetricDefinitionSchema).check(
  z.superRefine(
    (definitions: unknown, ctx) => {
      if (!Array.isArray(definitions)) return;
      const firstIndexById = new Map<string, number>();
      definitions.forEach((definition: unknown, index) => {
        const id = typeof definition === 'object' && definition !== null ? (definition as { readonly id?: unknown }).id : undefined;
        if (typeof id !== 'string') return;
        const first = firstIndexById.get(id);
        if (first === undefined) firstIndexById.set(id, index);
        else ctx.addIssue({ code: 'custom', message: `duplicate id "${id}" (the metric at index ${first} has it too)`, path: [index, 'id'] });
      });
    },
    { when: () => true },
  ),
);

/** A definitions file: `{ metrics: [ ... ] }` (a bare list or a single definition are accepted too, see parse-definitions.ts). */
export const customMetricFileSchema = strictObject({ metrics: customMetricListSchema }, 'a definitions file is an object { metrics: [ ... ] }');
