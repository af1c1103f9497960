import { type CallFacts } from '@trailpulse/analytics';
import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';

/**
 * An accepted record the byte scanner decided (HTTP ingest of NDJSON): its facts, the scanner's
 * projection of it (enough for the built-in metrics), and its JSON text as received. The whole
 * record is parsed from the text only where it is needed: custom metrics, which may read any field,
 * and the drill-down's answers. Keeping text instead of a parsed object graph per record is what
 * lets the runtime hold 100,000 recent records without the garbage collector dominating ingest.
 */
export interface ScannedRecord {
  readonly facts: CallFacts;
  readonly projected: CloudTrailLikeRecord;
  readonly text: string;
}

/** The whole record of a scanned one (the scanner vouched for the text being one valid record object). */
export function parseScannedText(text: string): CloudTrailLikeRecord {
  return JSON.parse(text) as CloudTrailLikeRecord;
}
