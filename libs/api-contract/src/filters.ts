import { ERROR_CLASSES } from '@trailpulse/event-schema';
import { z } from 'zod';

/** Longest filter value: far above any ARN, account, region or service name, and bounded. */
export const MAX_FILTER_LENGTH = 512;

// C0/C1 controls and DEL never occur in the keys being matched and would garble logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** One filter value: matched exactly against the key the metrics use for the dimension. */
export function filterValueSchema(name: string, example: string): z.ZodType<string, string> {
  return z.string().superRefine((value, ctx) => {
    if (value.length === 0) {
      ctx.addIssue({ code: 'custom', message: `${name} is empty; omit the parameter to not filter on it (e.g. ${name}=${example})` });
    } else if (value.length > MAX_FILTER_LENGTH) {
      ctx.addIssue({ code: 'custom', message: `${name} is ${value.length} characters long; at most ${MAX_FILTER_LENGTH}` });
    } else if (CONTROL_CHARACTERS.test(value)) {
      ctx.addIssue({ code: 'custom', message: `${name} contains a control character` });
    }
  });
}

/**
 * The dimensions a metrics query can be narrowed to, each matched exactly:
 * - `account`: the record's account (`recipientAccountId`, else `userIdentity.accountId`),
 * - `region`: `awsRegion`,
 * - `service`: `eventSource` as in `callsByService` (`ec2.amazonaws.com`),
 * - `principal`: the identity key of metrics.md (as in `topUsers`),
 * - `error`: the error class of the record's `errorCode` (`none`, `access-denied`, `throttling`,
 *   `other`: event-schema's `errorClass`, the custom metrics' `$errorClass`).
 */
export const metricsFilterShape = {
  account: filterValueSchema('account', '123456789012').optional(),
  region: filterValueSchema('region', 'us-east-1').optional(),
  service: filterValueSchema('service', 'ec2.amazonaws.com').optional(),
  principal: filterValueSchema('principal', 'arn:aws:iam::123456789012:user/alice').optional(),
  error: z.enum(ERROR_CLASSES, { error: `error must be one of ${ERROR_CLASSES.join(', ')}` }).optional(),
};

export const metricsFiltersSchema = z.object(metricsFilterShape);

export type MetricsFilters = z.infer<typeof metricsFiltersSchema>;

export const METRICS_FILTER_NAMES = Object.keys(metricsFilterShape) as readonly (keyof MetricsFilters)[];

/** Drill-down narrows further: the API call (`eventName`) and the caller's `sourceIPAddress` (`ip`, as in `topIps`). */
export const eventsFilterShape = {
  ...metricsFilterShape,
  eventName: filterValueSchema('eventName', 'RunInstances').optional(),
  ip: filterValueSchema('ip', '203.0.113.7').optional(),
};

export const eventsFiltersSchema = z.object(eventsFilterShape);

export type EventsFilters = z.infer<typeof eventsFiltersSchema>;

export const EVENTS_FILTER_NAMES = Object.keys(eventsFilterShape) as readonly (keyof EventsFilters)[];

/** The filters present in a parsed query, without the undefined ones (exactOptionalPropertyTypes). */
export function pickFilters<Values extends object, Name extends keyof Values>(values: Values, names: readonly Name[]): { [K in Name]?: Exclude<Values[K], undefined> } {
  const filters: { [K in Name]?: Exclude<Values[K], undefined> } = {};
  for (const name of names) {
    const value = values[name];
    if (value !== undefined) filters[name] = value as Exclude<Values[typeof name], undefined>;
  }
  return filters;
}
