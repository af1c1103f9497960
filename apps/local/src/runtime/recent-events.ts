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
 * The most recent accepted records, for `GET /api/v1/events` (drill-down) and for metrics queries
 * narrowed to a service or a principal, which merged window partials cannot answer exactly.
 * A ring: when full, the oldest record by arrival is dropped. Not persisted: after a restart the
 * drill-down starts empty while every metric is still in the store.
 *
 * Each record is the parsed record (sources that parse) or where its JSON text is in a request body
 * (scanned HTTP ingest), decoded and parsed when an answer needs it, plus the keys the filters
 * match, computed once on the way in (the engine's interned strings).
 *
 * Why columns (one preallocated array per field) and not an object per record: the ring holds
 * 100,000 records for seconds at full ingest rate, so every object put in it outlives two young-
 * generation collections, is copied by both, promoted, and dies in the old generation. Storing
 * references to the (shared) key strings and the body chunk in arrays allocated once allocates
 * nothing per record.
 */
export class RecentEvents {
  private readonly timeMs: Float64Array;
  /** As the pipeline accepted it, so a re-run of the engine over the ring needs no second judgement. */
  private readonly acceptedRecords: (AcceptedRecord | undefined)[];
  /** A scanned record's JSON text is `bytes[start, end)` (see ScannedRecord). */
  private readonly bytes: (Uint8Array | undefined)[];
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly accounts: string[];
  private readonly regions: string[];
  private readonly services: string[];
  private readonly principals: string[];
  private readonly eventNames: string[];
  private readonly ips: string[];
  private readonly errors: ErrorClass[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number = DEFAULT_RECENT_EVENTS_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`recent events capacity must be a positive integer, got ${capacity}`);
    this.timeMs = new Float64Array(capacity);
    this.starts = new Float64Array(capacity);
    this.ends = new Float64Array(capacity);
    this.acceptedRecords = new Array<AcceptedRecord | undefined>(capacity).fill(undefined);
    this.bytes = new Array<Uint8Array | undefined>(capacity).fill(undefined);
    const strings = (): string[] => new Array<string>(capacity).fill('');
    this.accounts = strings();
    this.regions = strings();
    this.services = strings();
    this.principals = strings();
    this.eventNames = strings();
    this.ips = strings();
    this.errors = new Array<ErrorClass>(capacity).fill('none');
  }

  get size(): number {
    return this.count;
  }

  /** The earliest eventTime still held (undefined when empty): older windows can't be re-derived. */
  oldestTimeMs(): number | undefined {
    let oldest: number | undefined;
    for (let i = 0; i < this.count; i++) if (oldest === undefined || (this.timeMs[i] as number) < oldest) oldest = this.timeMs[i];
    return oldest;
  }

  add(accepted: AcceptedRecord): void {
    const record = accepted.record as RawRecord;
    const ip = typeof record['sourceIPAddress'] === 'string' && record['sourceIPAddress'] !== '' ? record['sourceIPAddress'] : 'unknown';
    const slot = this.keep(accepted.eventTimeMs, recordAccount(record), recordRegion(record), record.eventSource, identityKey(record), record.eventName, ip, errorClass(record));
    this.acceptedRecords[slot] = accepted;
    this.bytes[slot] = undefined;
  }

  /** A record the byte scanner accepted: its facts are the filter keys, its bytes are kept as they came. */
  addScanned({ facts, bytes, start, end }: ScannedRecord): void {
    const slot = this.keep(facts.eventTimeMs, facts.account, facts.region, facts.eventSource, facts.identity, facts.eventName, facts.sourceIp, facts.errorClass);
    this.acceptedRecords[slot] = undefined;
    this.bytes[slot] = bytes;
    this.starts[slot] = start;
    this.ends[slot] = end;
  }

  /** Writes the time and filter keys into the next slot and moves on; returns the slot. */
  private keep(timeMs: number, account: string, region: string, service: string, principal: string, eventName: string, ip: string, error: ErrorClass): number {
    const slot = this.next;
    this.timeMs[slot] = timeMs;
    this.accounts[slot] = account;
    this.regions[slot] = region;
    this.services[slot] = service;
    this.principals[slot] = principal;
    this.eventNames[slot] = eventName;
    this.ips[slot] = ip;
    this.errors[slot] = error;
    this.next = (slot + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    return slot;
  }

  /** Newest first by eventTime (ties: latest arrival first), at most `limit`. */
  query(query: EventsQuery): EventsResponse {
    const matches = this.matching(query.filters, query.fromMs, query.toMs);
    // Stable sort: equal eventTimes keep the newest-arrival-first order of `matching`.
    matches.sort((a, b) => (this.timeMs[b] as number) - (this.timeMs[a] as number));
    return { events: matches.slice(0, query.limit).map((slot) => this.recordAt(slot) as RawRecord), truncated: matches.length > query.limit };
  }

  /** The held records matching `filters` with eventTime in [fromMs, toMs), oldest arrival first, as accepted (for re-running the engine). */
  accepted(filters: EventsFilters, fromMs?: number, toMs?: number): AcceptedRecord[] {
    return this.matching(filters, fromMs, toMs)
      .reverse()
      .map((slot) => this.acceptedRecords[slot] ?? { record: this.recordAt(slot), eventTimeMs: this.timeMs[slot] as number, sizeBytes: 0, location: { source: 'http' } });
  }

  /** Slots of the matches, newest arrival first. */
  private matching(filters: EventsFilters, fromMs: number | undefined, toMs: number | undefined): number[] {
    const out: number[] = [];
    for (let i = 1; i <= this.count; i += 1) {
      const slot = (this.next - i + this.capacity) % this.capacity;
      const timeMs = this.timeMs[slot] as number;
      if (fromMs !== undefined && timeMs < fromMs) continue;
      if (toMs !== undefined && timeMs >= toMs) continue;
      if (this.matchesFilters(slot, filters)) out.push(slot);
    }
    return out;
  }

  private matchesFilters(slot: number, filters: EventsFilters): boolean {
    return (
      (filters.account === undefined || this.accounts[slot] === filters.account) &&
      (filters.region === undefined || this.regions[slot] === filters.region) &&
      (filters.service === undefined || this.services[slot] === filters.service) &&
      (filters.principal === undefined || this.principals[slot] === filters.principal) &&
      (filters.eventName === undefined || this.eventNames[slot] === filters.eventName) &&
      (filters.ip === undefined || this.ips[slot] === filters.ip) &&
      (filters.error === undefined || this.errors[slot] === filters.error)
    );
  }

  private recordAt(slot: number): AcceptedRecord['record'] {
    return this.acceptedRecords[slot]?.record ?? parseScanned(this.bytes[slot] as Uint8Array, this.starts[slot] as number, this.ends[slot] as number);
  }
}
