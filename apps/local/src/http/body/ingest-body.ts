import { type CallFacts, NdjsonFactsReader } from '@trailpulse/analytics';
import { type IngestFormat, type IngestResult } from '@trailpulse/api-contract';
import { type AcceptedRecord, type CloudTrailLikeRecord, readRecords, type RejectReason } from '@trailpulse/event-schema';
import { type ScannedRecord } from '../../sources/scanned-record';
import { compactKeptBytes } from './compact-kept-bytes';

/** The accepted records of one request: parsed by the readers, or decided by the byte scanner (facts + where its bytes are). */
export interface IngestedRecords {
  readonly parsed: readonly AcceptedRecord[];
  readonly scanned: readonly ScannedRecord[];
}

/** A request's body as received (decompressed) and its format: what the runtime journals. */
export interface IngestedBody {
  readonly format: IngestFormat;
  readonly chunks: readonly Uint8Array[];
}

export interface ParsedIngestBody {
  readonly records: IngestedRecords;
  readonly result: IngestResult;
}

/** Names the request body in the readers' locations (never shown to clients). */
const SOURCE = 'request body';

/**
 * The records of an ingest body (metrics.md "Input"). NDJSON, the bulk format, takes the engine's
 * fast path: the byte scanner decides each line without JSON.parse and keeps its bytes (the
 * NdjsonFactsReader counts exactly as the readers do; lines it cannot decide are judged by the
 * readers' own logic). JSON bodies (a record, an array, a `{"Records":[...]}` file or EventBridge
 * envelopes) go through the streaming readers. Bad records are counted under their reason; nothing
 * here throws on bad input.
 */
export async function parseIngestBody(chunks: readonly Uint8Array[], format: IngestFormat): Promise<ParsedIngestBody> {
  return format === 'ndjson' ? scanNdjson(chunks) : readJson(chunks, format);
}

function scanNdjson(chunks: readonly Uint8Array[]): ParsedIngestBody {
  const parsed: AcceptedRecord[] = [];
  const scanned: ScannedRecord[] = [];
  let index = 0;
  const consumer = {
    addFacts(facts: CallFacts, record: CloudTrailLikeRecord): void {
      parsed.push({ record, eventTimeMs: facts.eventTimeMs, sizeBytes: 0, location: { source: SOURCE, index } });
      index++;
    },
    addScanned(facts: CallFacts, projected: CloudTrailLikeRecord, bytes: Uint8Array, start: number, end: number): void {
      scanned.push({ facts, projected, bytes, start, end });
      index++;
    },
  };
  // The scanned records keep the body's chunks (read-body hands fresh ones per request).
  const reader = new NdjsonFactsReader(consumer, { source: SOURCE, keepBytes: true });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  const { accepted, rejected, rejectReasons } = reader.stats;
  return { records: { parsed, scanned: compactKeptBytes(scanned) }, result: { accepted, rejected, rejectReasons: { ...rejectReasons } } };
}

async function readJson(chunks: readonly Uint8Array[], format: IngestFormat): Promise<ParsedIngestBody> {
  const parsed: AcceptedRecord[] = [];
  const rejectReasons: Partial<Record<RejectReason, number>> = {};
  let rejected = 0;
  for await (const batch of readRecords(iterate(chunks), { source: SOURCE, format })) {
    for (const record of batch.accepted) parsed.push(record);
    for (const { reason } of batch.rejected) rejectReasons[reason] = (rejectReasons[reason] ?? 0) + 1;
    rejected += batch.rejected.length;
  }
  return { records: { parsed, scanned: [] }, result: { accepted: parsed.length, rejected, rejectReasons } };
}

async function* iterate(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}
