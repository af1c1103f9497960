import { DEFAULT_WINDOW_SECONDS } from '@trailpulse/analytics';
import { formatIsoMillis } from '@trailpulse/event-schema';
import { z } from 'zod';
import { METRICS_FILTER_NAMES, metricsFilterShape, type MetricsFilters, pickFilters } from './filters';
import { instantParamSchema } from './instant';
import { type ParseResult } from './parse-result';
import { parseQueryParams } from './query-params';

/**
 * Window lengths a host serves unless it says otherwise: the dashboard's default 60 s and the
 * 10 s that "must work" (metrics.md "Windows"). A host runs one engine per length it serves.
 */
export const DEFAULT_QUERY_WINDOW_SECONDS: readonly number[] = [10, DEFAULT_WINDOW_SECONDS];

/** Bounds one answer: a week of 60 s windows (a little over a day of 10 s ones). */
export const MAX_WINDOWS_PER_QUERY = 10_080;

/**
 * `GET /api/v1/metrics`, parsed: windows whose start is in `[fromMs, toMs)` (api.md), of
 * `windowSeconds`, narrowed by `filters`.
 */
export interface MetricsQuery {
  readonly fromMs: number;
  readonly toMs: number;
  readonly windowSeconds: number;
  readonly filters: MetricsFilters;
}

export const METRICS_QUERY_PARAMS = ['from', 'to', 'window', ...METRICS_FILTER_NAMES] as const;

export interface MetricsQueryOptions {
  /** Window lengths this host serves (default {@link DEFAULT_QUERY_WINDOW_SECONDS}). */
  readonly allowedWindowSeconds?: readonly number[];
}

/** The query parameters of the metrics route as a Zod schema (strings in, a MetricsQuery out). */
export function metricsQueryParamsSchema(allowedWindowSeconds: readonly number[] = DEFAULT_QUERY_WINDOW_SECONDS) {
  const allowed = allowedWindowSeconds.join(', ');
  return z
    .object({
      from: instantParamSchema,
      to: instantParamSchema,
      window: z
        .string()
        .regex(/^\d{1,5}$/, `window must be a number of seconds, one of ${allowed}`)
        .transform(Number)
        .refine((seconds) => allowedWindowSeconds.includes(seconds), { message: `window must be one of ${allowed} (seconds)` })
        .default(DEFAULT_WINDOW_SECONDS),
      ...metricsFilterShape,
    })
    .superRefine((query, ctx) => {
      if (query.from >= query.to) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${formatIsoMillis(query.to)}) must be after from (${formatIsoMillis(query.from)})` });
        return;
      }
      const windows = Math.ceil((query.to - query.from) / (query.window * 1000));
      if (windows > MAX_WINDOWS_PER_QUERY) {
        ctx.addIssue({
          code: 'custom',
          path: ['from'],
          message: `from..to spans ${windows} windows of ${query.window} s; at most ${MAX_WINDOWS_PER_QUERY} per request: narrow the range or use a longer window`,
        });
      }
    })
    .transform(
      (query): MetricsQuery => ({
        fromMs: query.from,
        toMs: query.to,
        windowSeconds: query.window,
        filters: pickFilters(query, METRICS_FILTER_NAMES),
      }),
    );
}

/** Parses the metrics route's query string; a failure is the 400 body naming each bad parameter. */
export function parseMetricsQuery(params: URLSearchParams, options: MetricsQueryOptions = {}): ParseResult<MetricsQuery> {
  return parseQueryParams(params, metricsQueryParamsSchema(options.allowedWindowSeconds), METRICS_QUERY_PARAMS);
}

/** The query string of a MetricsQuery (times as ISO-8601 UTC), for clients. */
export function metricsQuerySearchParams(query: MetricsQuery): URLSearchParams {
  const params = new URLSearchParams({
    from: formatIsoMillis(query.fromMs),
    to: formatIsoMillis(query.toMs),
    window: String(query.windowSeconds),
  });
  for (const name of METRICS_FILTER_NAMES) {
    const value = query.filters[name];
    if (value !== undefined) params.set(name, value);
  }
  return params;
}
