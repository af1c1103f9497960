/**
 * The verdict for a scanned record: judgeRecord and factsFromRecord themselves, applied to the
 * projection of the scanner's slots, so the fast path follows every change of the reference rules
 * without restating them. Two additions, both for speed and neither able to change a result:
 * interning (see StringInterner) of the strings the engine keys its windows by, and reusing the
 * parsed time of a repeated eventTime (see `judge`).
 */
import { type AcceptVerdict, type CloudTrailLikeRecord, judgeRecord, type RejectReason } from '@trailpulse/event-schema';
import { type CallFacts, factsFromRecord } from '../facts/call-facts';
import { EVENT_NAME, EVENT_SOURCE, EVENT_TIME, EVENT_TYPE, SOURCE_IP_ADDRESS } from './projected-fields';
import { projectRecord } from './projection';
import { StringInterner } from './string-interner';

export type SlotsVerdict =
  | { readonly accepted: true; readonly facts: CallFacts; readonly record: CloudTrailLikeRecord }
  | { readonly accepted: false; readonly reason: RejectReason; readonly message: string };

/**
 * One table per field, so the values of one field do not push out those of another. Sized for a
 * few hundred services and several thousand event names, identities and hot IPs. Shared by every
 * builder of the thread: a reader per byte range then starts warm instead of allocating and filling
 * its own tables, and all ranges hand the engine the same string objects, which its Maps find by
 * identity. Interning never changes a value, so sharing cannot change a result.
 */
class SharedInterners {
  readonly sources = new StringInterner(10);
  readonly names = new StringInterner(15);
  readonly ips = new StringInterner(15);
  readonly identities = new StringInterner(15);
  // eventType becomes a property key of events.byEventType: a canonical string is looked up there without rehashing.
  readonly eventTypes = new StringInterner(6);
  // Accounts and regions are short (copied by every slice) and kept per record by the local runtime's drill-down ring.
  readonly accounts = new StringInterner(12);
  readonly regions = new StringInterner(7);
}

let sharedInterners: SharedInterners | undefined;

export class ScannedFactsBuilder {
  private readonly sources: StringInterner;
  private readonly names: StringInterner;
  private readonly ips: StringInterner;
  private readonly identities: StringInterner;
  private readonly eventTypes: StringInterner;
  private readonly accounts: StringInterner;
  private readonly regions: StringInterner;
  /** The eventTime of the last record judgeRecord accepted, and its time. */
  private acceptedEventTime: unknown = undefined;
  private acceptedEventTimeMs = 0;

  constructor() {
    const interners = (sharedInterners ??= new SharedInterners());
    this.sources = interners.sources;
    this.names = interners.names;
    this.ips = interners.ips;
    this.identities = interners.identities;
    this.eventTypes = interners.eventTypes;
    this.accounts = interners.accounts;
    this.regions = interners.regions;
  }

  /**
   * The verdict for the record in `slots`; interns some of their strings in place unless
   * `canonical` (the byte scanner's strings are one object per value already).
   */
  verdict(slots: unknown[], canonical: boolean): SlotsVerdict {
    if (!canonical) {
      internInPlace(slots, EVENT_SOURCE, this.sources);
      internInPlace(slots, EVENT_NAME, this.names);
      internInPlace(slots, SOURCE_IP_ADDRESS, this.ips);
      internInPlace(slots, EVENT_TYPE, this.eventTypes);
    }
    const verdict = this.judge(slots);
    if (!verdict.accepted) return verdict;
    const facts = factsFromRecord(verdict.record, verdict.eventTimeMs);
    if (canonical) return { accepted: true, facts, record: verdict.record };
    // The facts object is new and ours: swapping in the canonical identity saves copying all of it.
    const mutable = facts as { identity: string; account: string; region: string };
    mutable.identity = this.identities.intern(facts.identity);
    mutable.account = this.accounts.intern(facts.account);
    mutable.region = this.regions.intern(facts.region);
    return { accepted: true, facts, record: verdict.record };
  }

  /**
   * judgeRecord on the projection, except when the record has the eventTime of the last accepted
   * one (records come roughly in time order, hundreds per second): parsing it again is most of
   * judgeRecord's cost and cannot give another answer, so only the name fields are checked then.
   */
  private judge(slots: unknown[]): AcceptVerdict {
    const record = projectRecord(slots);
    const eventTime = slots[EVENT_TIME];
    if (typeof eventTime === 'string' && eventTime === this.acceptedEventTime && isNonEmptyString(slots[EVENT_SOURCE]) && isNonEmptyString(slots[EVENT_NAME])) {
      return { accepted: true, record: record as CloudTrailLikeRecord, eventTimeMs: this.acceptedEventTimeMs };
    }
    const verdict = judgeRecord(record);
    if (verdict.accepted) {
      this.acceptedEventTime = eventTime;
      this.acceptedEventTimeMs = verdict.eventTimeMs;
    }
    return verdict;
  }
}

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function internInPlace(slots: unknown[], field: number, interner: StringInterner): void {
  const value = slots[field];
  if (typeof value === 'string') slots[field] = interner.intern(value);
}
