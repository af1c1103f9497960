import { z } from 'zod';
import { type TableKey } from '../table/keys';

/** Binary attributes as the document client returns them (Buffer is a Uint8Array too). */
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected binary');

/**
 * A window row as stored (README.md "Window rows"): keys, the series it belongs to, an optimistic
 * version, the per-source watermarks, the body (inline or in chunk rows) and the writer's
 * anomaly score. Parsed with Zod on every read, so a damaged row is named, not trusted.
 */
export const windowRowSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  kind: z.literal('window'),
  ws: z.number().int().positive(),
  startMs: z.number().int().nonnegative(),
  account: z.string(),
  region: z.string(),
  /** Incremented by every write; the condition of the next read-modify-write. */
  v: z.number().int().nonnegative(),
  /** totalCalls of the body, readable without decoding it. */
  calls: z.number().int().nonnegative().optional(),
  enc: z.enum(['json', 'gzip']).optional(),
  /** Inline body; absent when chunked (gen + chunks) or when the row only holds a score. */
  body: bytes.optional(),
  gen: z.string().optional(),
  chunks: z.number().int().positive().optional(),
  digest: z.string().optional(),
  /** Highest batch sequence merged per source (encoded, see batch/sequence.ts). */
  seen: z.record(z.string(), z.string()).optional(),
  /** When each source last merged (epoch ms): the least recent is forgotten first. */
  seenAt: z.record(z.string(), z.number()).optional(),
  anomalyScore: z.number().nonnegative().optional(),
  expiresAt: z.number().int(),
  updatedAt: z.number(),
});

export type WindowRow = z.infer<typeof windowRowSchema>;

/** A chunk of a large body: one row per `chunkBytes`, in the chunk partition of one body generation. */
export const chunkRowSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  kind: z.literal('chunk'),
  data: bytes,
  expiresAt: z.number().int(),
});

export type ChunkRow = z.infer<typeof chunkRowSchema>;

export function keyOf(row: TableKey): TableKey {
  return { pk: row.pk, sk: row.sk };
}
