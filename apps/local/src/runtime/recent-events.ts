import { type EventsFilters, type EventsQuery, type EventsResponse, type RawRecord } from '@trailpulse/api-contract';
import { type AcceptedRecord, errorClass, type ErrorClass, identityKey, recordAccount, recordRegion } from '@trailpulse/event-schema';
import { parseScanned, type ScannedRecord } from '../sources';

/**
 * How many accepted records the drill-down keeps. A CloudTrail record is about 1 to 2 KB in memory
 * (as parsed objects, or as the request bytes of scanned ones, at most four times their own size:
 * http/body/compact-kept-bytes.ts), so the default bounds the buffer near 100 to 200 MB, 800 MB in
 * the worst case, and holds about 10 minutes of the demo's busiest traffic or an hour of a quiet account.
 */
export const DEFAULT_RECENT_EVENTS_CAPACITY = 100_000;

/**
 * One kept record with the keys the filters match, computed once on the way in. Either the parsed
 * record (sources that parse) or where its JSON text is in a request body (scanned HTTP ingest),
 * decoded and parsed when an answer needs it. The filter keys are the engine's interned strings.
 */
interface KeptRecord {
  readonly timeMs: number;
  /** As the pipeline accepted it, so a re-run of the engine over the ring needs no second judgement. */
  readonly accepted: AcceptedRecord | undefined;
  /** Where a scanned record's JSON text is: `bytes[start, end)` (see ScannedRecord). */
  readonly bytes: Uint8Array | undefined;
  readonly start: number;
  readonly end: number;
  readonly account: string;
  readonly region: string;
  readonly service: string;
  readonly principal: string;
  readonly eventName: string;
  readonly ip: string;
  readonly error: ErrorClass;
}

/**
 * The most recent accepted records, for `GET /api/v1/events` (drill-down) and for metrics queries
 * narrowed to a service or a principal, which merged window partials cannot answer exactly.
 * A ring: when full, the oldest record by arrival is dropped. Not persisted: after a restart the
 * drill-down starts empty while every metric is still in the store.
 */
export class RecentEvents {
  private readonly ring: (KeptRecord | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number = DEFAULT_RECENT_EVENTS_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`recent events capacity must be a positive integer, got ${capacity}`);
    this.ring = new Array<KeptRecord | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The earliest eventTime still held (undefined when empty): older windows can't be re-derived. */
  oldestTimeMs(): number | undefined {
    let oldest: number | undefined;
    for (const kept of this.entries()) if (oldest === undefined || kept.timeMs < oldest) oldest = kept.timeMs;
    return oldest;
  }

  add(accepted: AcceptedRecord): void {
    const record = accepted.record as RawRecord;
    this.keep({
      timeMs: accepted.eventTimeMs,
      accepted,
      bytes: undefined,
      start: 0,
      end: 0,
      account: recordAccount(record),
      region: recordRegion(record),
      service: record.eventSource,
      principal: identityKey(record),
      eventName: record.eventName,
      ip: typeof record['sourceIPAddress'] === 'string' && record['sourceIPAddress'] !== '' ? record['sourceIPAddress'] : 'unknown',
      error: errorClass(record),
    });
  }

  /** A record the byte scanner accepted: its facts are the filter keys, its bytes are kept as they came. */
  addScanned({ facts, bytes, start, end }: ScannedRecord): void {
    this.keep({
      timeMs: facts.eventTimeMs,
      accepted: undefined,
      bytes,
      start,
      end,
      account: facts.account,
      region: facts.region,
      service: facts.eventSource,
      principal: facts.identity,
      eventName: facts.eventName,
      ip: facts.sourceIp,
      error: facts.errorClass,
    });
  }

  private keep(kept: KeptRecord): void {
    this.ring[this.next] = kept;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Newest first by eventTime (ties: latest arrival first), at most `limit`. */
  query(query: EventsQuery): EventsResponse {
    const matches = this.matching(query.filters, query.fromMs, query.toMs);
    matches.sort((a, b) => b.timeMs - a.timeMs);
    return { events: matches.slice(0, query.limit).map((kept) => recordOf(kept) as RawRecord), truncated: matches.length > query.limit };
  }

  /** The held records matching `filters` with eventTime in [fromMs, toMs), oldest arrival first, as accepted (for re-running the engine). */
  accepted(filters: EventsFilters, fromMs?: number, toMs?: number): AcceptedRecord[] {
    return this.matching(filters, fromMs, toMs)
      .reverse()
      .map((kept) => kept.accepted ?? { record: recordOf(kept), eventTimeMs: kept.timeMs, sizeBytes: 0, location: { source: 'http' } });
  }

  /** Matches, newest arrival first. */
  private matching(filters: EventsFilters, fromMs: number | undefined, toMs: number | undefined): KeptRecord[] {
    const out: KeptRecord[] = [];
    for (const kept of this.entries()) {
      if (fromMs !== undefined && kept.timeMs < fromMs) continue;
      if (toMs !== undefined && kept.timeMs >= toMs) continue;
      if (matchesFilters(kept, filters)) out.push(kept);
    }
    return out;
  }

  /** Held records, newest arrival first. */
  private *entries(): Generator<KeptRecord> {
    for (let i = 1; i <= this.count; i += 1) {
      const kept = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (kept !== undefined) yield kept;
    }
  }
}

function recordOf(kept: KeptRecord): AcceptedRecord['record'] {
  return kept.accepted?.record ?? parseScanned(kept.bytes as Uint8Array, kept.start, kept.end);
}

function matchesFilters(kept: KeptRecord, filters: EventsFilters): boolean {
  return (
    (filters.account === undefined || kept.account === filters.account) &&
    (filters.region === undefined || kept.region === filters.region) &&
    (filters.service === undefined || kept.service === filters.service) &&
    (filters.principal === undefined || kept.principal === filters.principal) &&
    (filters.eventName === undefined || kept.eventName === filters.eventName) &&
    (filters.ip === undefined || kept.ip === filters.ip) &&
    (filters.error === undefined || kept.error === filters.error)
  );
}
