/** Helpers for driving the core reader from tests: bytes in given chunks, batches collected. */
import { type AcceptedRecord, type ReadBatch, type ReadOptions, readRecords, type RejectedRecord, type SkippedInput } from '../src/reader';

export interface CollectedRead {
  readonly accepted: AcceptedRecord[];
  readonly rejected: RejectedRecord[];
  readonly skipped: SkippedInput[];
  readonly batches: ReadBatch[];
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** `bytes` cut at the given offsets (sorted, deduplicated, out-of-range ignored). */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets)].filter((offset) => offset > 0 && offset < bytes.byteLength).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.byteLength]) {
    chunks.push(bytes.slice(start, cut));
    start = cut;
  }
  return chunks;
}

/** `bytes` in chunks of `size` bytes. */
export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.byteLength; start += size) chunks.push(bytes.slice(start, start + size));
  return chunks;
}

export async function* asAsync(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

export async function collect(batches: AsyncIterable<ReadBatch>): Promise<CollectedRead> {
  const read: CollectedRead = { accepted: [], rejected: [], skipped: [], batches: [] };
  for await (const batch of batches) {
    read.batches.push(batch);
    read.accepted.push(...batch.accepted);
    read.rejected.push(...batch.rejected);
    read.skipped.push(...batch.skipped);
  }
  return read;
}

/** Reads `input` (text or bytes, optionally pre-cut into chunks) with the core reader. */
export function readText(
  input: string | Uint8Array | readonly Uint8Array[],
  options: Partial<ReadOptions> = {},
): Promise<CollectedRead> {
  const chunks = typeof input === 'string' ? [utf8(input)] : input instanceof Uint8Array ? [input] : input;
  return collect(readRecords(asAsync(chunks), { source: 'test', ...options }));
}

/** A record the acceptance rule takes, with a recognisable name. */
export function validRecord(eventName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { eventTime: '2024-05-01T12:00:00Z', eventSource: 'ec2.amazonaws.com', eventName, ...extra };
}
