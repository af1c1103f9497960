import { type CallFacts } from '@trailpulse/analytics';
import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';

/**
 * An accepted record the byte scanner decided (HTTP ingest of NDJSON): its facts, the scanner's
 * projection of it (enough for the built-in metrics), and where its JSON text is in the request body
 * as received: `bytes[start, end)`. The whole record is decoded and parsed only where it is needed:
 * custom metrics, which may read any field, and the drill-down's answers.
 *
 * Why bytes and not text: the recent-events ring holds 100,000 records for seconds, and whatever it
 * holds on the JavaScript heap is copied by every young-generation collection until it is promoted
 * (a text slice even pins its whole 64 KiB decoded piece). At 40,000 records/s that copying was a
 * third of the ingest thread's time; the request body's bytes are outside the heap.
 */
export interface ScannedRecord {
  readonly facts: CallFacts;
  readonly projected: CloudTrailLikeRecord;
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
}

const decoder = new TextDecoder();

/** The JSON text of a scanned record, as received. */
export function scannedText(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/** The whole record of a scanned one (the scanner vouched for its text being one valid record object). */
export function parseScanned(bytes: Uint8Array, start: number, end: number): CloudTrailLikeRecord {
  return JSON.parse(scannedText(bytes, start, end)) as CloudTrailLikeRecord;
}
