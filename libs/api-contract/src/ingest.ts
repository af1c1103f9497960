import { REJECT_REASONS } from '@trailpulse/event-schema';
import { z } from 'zod';

/**
 * Body types of `POST /api/v1/events` (api.md): NDJSON, one record per line, or a JSON document
 * (one record, an array, a CloudTrail `{"Records":[...]}` file or EventBridge envelopes).
 */
export const INGEST_CONTENT_TYPES = {
  ndjson: 'application/x-ndjson',
  json: 'application/json',
} as const;

export type IngestFormat = keyof typeof INGEST_CONTENT_TYPES;

/** `Content-Encoding` values accepted on ingest besides none / identity. */
export const INGEST_CONTENT_ENCODINGS = ['gzip'] as const;

/** The default request body limit (issue #6): 10 MB, applied to the decompressed size too. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

const count = z.number().int().nonnegative();

/**
 * `202` answer of ingest: records accepted and rejected, and how many were rejected for each reason
 * of metrics.md "Input" (only reasons that occurred are present). Bad records never fail the request.
 */
export const ingestResultSchema = z
  .object({
    accepted: count,
    rejected: count,
    rejectReasons: z.partialRecord(z.enum(REJECT_REASONS), count),
  })
  .refine((result) => sum(Object.values(result.rejectReasons)) === result.rejected, {
    message: 'rejectReasons must add up to rejected',
    path: ['rejectReasons'],
  });

export type IngestResult = z.infer<typeof ingestResultSchema>;

function sum(values: readonly (number | undefined)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}
