import { z } from 'zod';

const count = z.number().int().nonnegative();
/** Timestamps of metrics.md: ISO-8601 UTC with milliseconds. */
const isoMillis = z.iso.datetime({ precision: 3 });

/** A top-K entry; `error` (maximum overestimation) only on lists named in `approximate`. */
export const topEntrySchema = z.object({ key: z.string(), count, error: count.optional() });

/** The per-window metrics of metrics.md, keyed exactly as it names them. */
export const windowMetricsSchema = z.object({
  totalCalls: count,
  callsByService: z.record(z.string(), count),
  /** The five categories of metrics.md; they add up to totalCalls. */
  callsByCategory: z.object({ create: count, modify: count, delete: count, read: count, other: count }),
  topApiCalls: z.array(topEntrySchema),
  topUsers: z.array(topEntrySchema),
  topIps: z.array(topEntrySchema),
  maxCallsByIp: z.object({ key: z.string(), count }),
  ec2SuccessfulCalls: count,
  anomalyScore: z.number().nonnegative().finite(),
  /** Names of the top-K lists that may not be exact; absent when all are exact. */
  approximate: z.array(z.string()).optional(),
  /** Custom metrics by id (their value shapes depend on the measure); absent when none are defined. */
  custom: z.record(z.string(), z.unknown()).optional(),
});

export type WindowMetricsBody = z.infer<typeof windowMetricsSchema>;

/** One window: `[start, end)` and its metrics. */
export const metricsWindowSchema = z.object({ start: isoMillis, end: isoMillis, metrics: windowMetricsSchema });

export type MetricsWindow = z.infer<typeof metricsWindowSchema>;

/** `200` answer of `GET /api/v1/metrics`: windows with >= 1 API call, sorted by start (metrics.md "Batch output"). */
export const metricsResponseSchema = z.object({
  windowSeconds: z.number().int().positive(),
  windows: z.array(metricsWindowSchema),
});

export type MetricsResponse = z.infer<typeof metricsResponseSchema>;

