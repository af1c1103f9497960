import { formatIsoMillis } from '@trailpulse/event-schema';
import { z } from 'zod';
import { EVENTS_FILTER_NAMES, eventsFilterShape, type EventsFilters, pickFilters } from './filters';
import { instantParamSchema } from './instant';
import { type ParseResult } from './parse-result';
import { parseQueryParams } from './query-params';

/** Drill-down answers are bounded: the most recent records, at most this many. */
export const MAX_EVENTS_LIMIT = 1000;
export const DEFAULT_EVENTS_LIMIT = 100;

/**
 * `GET /api/v1/events`, parsed: the most recent accepted records whose eventTime is in
 * `[fromMs, toMs)` (either bound optional) matching every filter, newest first, at most `limit`.
 */
export interface EventsQuery {
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly limit: number;
  readonly filters: EventsFilters;
}

export const EVENTS_QUERY_PARAMS = ['from', 'to', 'limit', ...EVENTS_FILTER_NAMES] as const;

export const eventsQueryParamsSchema = z
  .object({
    from: instantParamSchema.optional(),
    to: instantParamSchema.optional(),
    limit: z
      .string()
      .regex(/^\d{1,7}$/, `limit must be a whole number from 1 to ${MAX_EVENTS_LIMIT}`)
      .transform(Number)
      .refine((limit) => limit >= 1 && limit <= MAX_EVENTS_LIMIT, { message: `limit must be from 1 to ${MAX_EVENTS_LIMIT}` })
      .default(DEFAULT_EVENTS_LIMIT),
    ...eventsFilterShape,
  })
  .superRefine((query, ctx) => {
    if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${formatIsoMillis(query.to)}) must be after from (${formatIsoMillis(query.from)})` });
    }
  })
  .transform(
    (query): EventsQuery => ({
      ...(query.from === undefined ? {} : { fromMs: query.from }),
      ...(query.to === undefined ? {} : { toMs: query.to }),
      limit: query.limit,
      filters: pickFilters(query, EVENTS_FILTER_NAMES),
    }),
  );

export function parseEventsQuery(params: URLSearchParams): ParseResult<EventsQuery> {
  return parseQueryParams(params, eventsQueryParamsSchema, EVENTS_QUERY_PARAMS);
}

/** A raw CloudTrail record as ingested: the three fields every accepted record has, the rest untouched. */
export const rawRecordSchema = z.looseObject({ eventTime: z.string(), eventSource: z.string().min(1), eventName: z.string().min(1) });

export type RawRecord = z.infer<typeof rawRecordSchema>;

/** `200` answer of `GET /api/v1/events`: newest first; `truncated` when more records matched than `limit`. */
export const eventsResponseSchema = z.object({ events: z.array(rawRecordSchema), truncated: z.boolean() });

export type EventsResponse = z.infer<typeof eventsResponseSchema>;

/** The query string of an EventsQuery, for clients. */
export function eventsQuerySearchParams(query: EventsQuery): URLSearchParams {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.fromMs !== undefined) params.set('from', formatIsoMillis(query.fromMs));
  if (query.toMs !== undefined) params.set('to', formatIsoMillis(query.toMs));
  for (const name of EVENTS_FILTER_NAMES) {
    const value = query.filters[name];
    if (value !== undefined) params.set(name, value);
  }
  return params;
}
