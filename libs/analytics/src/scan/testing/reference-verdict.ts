/**
 * The reference answer for one record text, the way the readers reach it: JSON.parse, unwrap
 * (delivery formats), judgeRecord, factsFromRecord. Test-only: the scanner's verdicts are compared
 * with this.
 */
import { judgeRecord, unwrap, type UnwrapSink } from '@trailpulse/event-schema';
import { factsFromRecord } from '../../facts/call-facts';
import { type ScanVerdict } from '../scan-call-facts';

export type ReferenceVerdict =
  | Exclude<ScanVerdict, { kind: 'fallback' }>
  | { readonly kind: 'invalid-json' }
  /** Valid JSON that is not one plain record: an envelope, a Records object, an array, a scalar. */
  | { readonly kind: 'not-a-plain-record' };

export function referenceVerdict(text: string): ReferenceVerdict {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid-json' };
  }
  if (!isPlainRecordCandidate(value)) return { kind: 'not-a-plain-record' };
  const verdict = judgeRecord(value);
  if (!verdict.accepted) return { kind: 'rejected', reason: verdict.reason, message: verdict.message };
  return { kind: 'accepted', facts: factsFromRecord(verdict.record, verdict.eventTimeMs), record: verdict.record };
}

/** True when the readers would judge `value` itself as the one record of its text (nothing unwrapped, not a scalar). */
function isPlainRecordCandidate(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let plain = false;
  let other = false;
  const sink: UnwrapSink = {
    candidate: (candidate, _path, nested) => {
      if (!nested && candidate === value) plain = true;
      else other = true;
    },
    rejected: () => {
      other = true;
    },
    skipped: () => {
      other = true;
    },
  };
  unwrap(value, sink, 2);
  return plain && !other;
}
