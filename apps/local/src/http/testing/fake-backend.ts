import { type CustomMetricDefinition, type EventsQuery, type EventsResponse, type LiveEventMessage, type MetricsQuery, type MetricsResponse } from '@trailpulse/api-contract';
import { type AcceptedRecord } from '@trailpulse/event-schema';
import { parseScanned } from '../../sources/scanned-record';
import { type ApiBackend, BackendInputError, type LiveListener } from '../backend';
import { type IngestedBody, type IngestedRecords } from '../body/ingest-body';

/**
 * A small in-memory backend for the server tests: it records what the server handed it, answers
 * queries from the records it was given, and lets a test publish live messages.
 */
export class FakeBackend implements ApiBackend {
  readonly windowSeconds: readonly number[] = [10, 60];
  readonly ingested: AcceptedRecord[] = [];
  readonly metricsQueries: MetricsQuery[] = [];
  readonly eventsQueries: EventsQuery[] = [];
  readonly custom = new Map<string, CustomMetricDefinition>();
  private readonly listeners = new Set<LiveListener>();
  /** Set to make every query fail as an unexpected internal error would. */
  failQueriesWith: Error | undefined;

  /** Both kinds of accepted records as AcceptedRecords (scanned ones parsed from their bytes), in that order. */
  async ingest(records: IngestedRecords, _body: IngestedBody): Promise<void> {
    this.ingested.push(...records.parsed);
    for (const { facts, bytes, start, end } of records.scanned) this.ingested.push({ record: parseScanned(bytes, start, end), eventTimeMs: facts.eventTimeMs, sizeBytes: 0, location: { source: 'request body' } });
  }

  async queryMetrics(query: MetricsQuery): Promise<MetricsResponse> {
    if (this.failQueriesWith !== undefined) throw this.failQueriesWith;
    this.metricsQueries.push(query);
    return { windowSeconds: query.windowSeconds, windows: [] };
  }

  async listCustomMetrics(): Promise<readonly CustomMetricDefinition[]> {
    return [...this.custom.values()];
  }

  async putCustomMetric(definition: CustomMetricDefinition): Promise<{ created: boolean; metric: CustomMetricDefinition }> {
    // The runtime computes 10 s and 60 s windows only: another length cannot be served.
    if (definition.window !== undefined && !this.windowSeconds.includes(definition.window)) {
      throw new BackendInputError(`window ${definition.window} s is not computed here; use 10 or 60`, [{ path: 'window', message: 'use 10 or 60' }]);
    }
    const created = !this.custom.has(definition.id);
    this.custom.set(definition.id, definition);
    return { created, metric: definition };
  }

  async queryEvents(query: EventsQuery): Promise<EventsResponse> {
    this.eventsQueries.push(query);
    const matching = this.ingested
      .filter(({ eventTimeMs }) => (query.fromMs === undefined || eventTimeMs >= query.fromMs) && (query.toMs === undefined || eventTimeMs < query.toMs))
      .filter(({ record }) => query.filters.eventName === undefined || record.eventName === query.filters.eventName)
      .sort((a, b) => b.eventTimeMs - a.eventTimeMs);
    return { events: matching.slice(0, query.limit).map(({ record }) => ({ ...record })), truncated: matching.length > query.limit };
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  publish(message: LiveEventMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}
