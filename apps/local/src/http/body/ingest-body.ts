import { type IngestFormat, type IngestResult } from '@trailpulse/api-contract';
import { type AcceptedRecord, readRecords, type RejectReason } from '@trailpulse/event-schema';

export interface ParsedIngestBody {
  readonly accepted: AcceptedRecord[];
  readonly result: IngestResult;
}

/** Names the request body in the readers' locations (never shown to clients). */
const SOURCE = 'request body';

/**
 * The records of an ingest body, read by the same streaming readers as files (metrics.md
 * "Input"): NDJSON lines, or a JSON record, array, `{"Records":[...]}` file or EventBridge
 * envelopes. Bad records are counted under their reason; nothing here throws on bad input.
 */
export async function parseIngestBody(chunks: readonly Uint8Array[], format: IngestFormat): Promise<ParsedIngestBody> {
  const accepted: AcceptedRecord[] = [];
  const rejectReasons: Partial<Record<RejectReason, number>> = {};
  let rejected = 0;
  for await (const batch of readRecords(iterate(chunks), { source: SOURCE, format })) {
    for (const record of batch.accepted) accepted.push(record);
    for (const { reason } of batch.rejected) rejectReasons[reason] = (rejectReasons[reason] ?? 0) + 1;
    rejected += batch.rejected.length;
  }
  return { accepted, result: { accepted: accepted.length, rejected, rejectReasons } };
}

async function* iterate(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}
