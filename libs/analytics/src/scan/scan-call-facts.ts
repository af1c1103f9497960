/**
 * The fast path's answer for one record text: its facts, its rejection, or "take the general path".
 * Rejections come from judgeRecord itself and facts restate factsFromRecord (./scanned-facts.ts);
 * the differential tests check both against the readers.
 */
import { type CloudTrailLikeRecord, type RejectReason } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { containsControlCharacter, isJsonWhitespace } from './json-chars';
import { ByteRecordScanner } from './byte-record-scanner';
import { RecordScanner } from './record-scanner';
import { ScannedFactsBuilder, type SlotsVerdict } from './scanned-facts';

export type ScanVerdict =
  | {
      readonly kind: 'accepted';
      readonly facts: CallFacts;
      /** The projection: only the fields the facts come from. Not the full record. */
      readonly record: CloudTrailLikeRecord;
    }
  | { readonly kind: 'rejected'; readonly reason: RejectReason; readonly message: string }
  /** Not decided here: JSON.parse the text and judge it as the readers do (invalid JSON, envelopes, arrays, ...). */
  | { readonly kind: 'fallback' };

const FALLBACK: ScanVerdict = Object.freeze({ kind: 'fallback' });

export class CallFactsScanner {
  private readonly scanner = new RecordScanner();
  private readonly byteScanner = new ByteRecordScanner();
  private readonly facts = new ScannedFactsBuilder();

  /**
   * The verdict for the record `text[start, end)`, which the caller guarantees has no whitespace
   * around it and no raw control character (U+0000..U+001F) anywhere (see ./control-bytes.ts).
   */
  scanTrusted(text: string, start: number, end: number): ScanVerdict {
    if (!this.scanner.scan(text, start, end)) return FALLBACK;
    return scanVerdict(this.facts.verdict(this.scanner.slots, false));
  }

  /**
   * The verdict for the record `bytes[start, end)`: ASCII with no raw control character (see
   * ./control-bytes.ts `isPlainAscii`) and no whitespace around it. Same answers as scanTrusted on
   * its text.
   */
  scanBytesTrusted(bytes: Uint8Array, start: number, end: number): ScanVerdict {
    if (!this.byteScanner.scan(bytes, start, end)) return FALLBACK;
    // The byte scanner's strings are canonical already (./projected-strings.ts).
    return scanVerdict(this.facts.verdict(this.byteScanner.slots, true));
  }
}

function scanVerdict(verdict: SlotsVerdict): ScanVerdict {
  return verdict.accepted ? { kind: 'accepted', facts: verdict.facts, record: verdict.record } : { kind: 'rejected', reason: verdict.reason, message: verdict.message };
}

const sharedScanner = new CallFactsScanner();

/**
 * The verdict for the one record whose JSON text is `text[start, end)` (whitespace around it allowed).
 * Any text is safe: what the scanner cannot vouch for comes back as `fallback`.
 */
export function scanCallFacts(text: string, start = 0, end: number = text.length): ScanVerdict {
  let first = start;
  let last = end;
  while (first < last && isJsonWhitespace(text.charCodeAt(first))) first++;
  while (last > first && isJsonWhitespace(text.charCodeAt(last - 1))) last--;
  if (containsControlCharacter(text, first, last)) return FALLBACK;
  return sharedScanner.scanTrusted(text, first, last);
}
