import { signal } from '@angular/core';
import {
  type CustomMetricDefinition,
  type CustomMetricListResponse,
  type CustomMetricPutResponse,
  type EventsQuery,
  type EventsResponse,
  type LiveEventMessage,
  type MetricsQuery,
  type MetricsResponse,
  type MetricsWindow,
  type RawRecord,
} from '@trailpulse/api-contract';
import { type Observable, Subject, defer, of, throwError } from 'rxjs';
import { type ConnectionState } from '../core/metrics/connection-state';
import { MetricsSource } from '../core/metrics/metrics-source';

/**
 * An in-memory MetricsSource for tests: serves the windows, events and custom metrics a test
 * gives it (answering synchronously), records every query, and lets the test push live messages
 * and connection states.
 */
export class FakeMetricsSource extends MetricsSource {
  private readonly state = signal<ConnectionState>({ status: 'idle' });
  private readonly messages = new Subject<LiveEventMessage>();
  readonly connection = this.state.asReadonly();
  readonly liveMessages = this.messages.asObservable();

  windows: MetricsWindow[] = [];
  events: RawRecord[] = [];
  customMetrics: CustomMetricDefinition[] = [];
  /** Set to make queryMetrics fail. */
  metricsError: unknown = null;
  /** Answers a PUT: return an error to reject it (e.g. an ApiError with problems). */
  validatePut: (id: string, definition: unknown) => unknown = () => null;

  readonly metricsQueries: MetricsQuery[] = [];
  readonly eventsQueries: EventsQuery[] = [];
  readonly puts: { id: string; definition: unknown }[] = [];
  connected = false;

  connect(): void {
    this.connected = true;
  }

  disconnect(): void {
    this.connected = false;
  }

  setConnection(state: ConnectionState): void {
    this.state.set(state);
  }

  emit(message: LiveEventMessage): void {
    this.messages.next(message);
  }

  queryMetrics(query: MetricsQuery): Observable<MetricsResponse> {
    return defer(() => {
      this.metricsQueries.push(query);
      if (this.metricsError !== null) return throwError(() => this.metricsError);
      const windowMs = query.windowSeconds * 1000;
      const windows = this.windows.filter((window) => {
        const start = Date.parse(window.start);
        return start >= query.fromMs && start < query.toMs && Date.parse(window.end) - start === windowMs;
      });
      return of({ windowSeconds: query.windowSeconds, windows });
    });
  }

  queryEvents(query: EventsQuery): Observable<EventsResponse> {
    return defer(() => {
      this.eventsQueries.push(query);
      const matching = this.events.filter((event) => {
        const time = Date.parse(event.eventTime);
        if (query.fromMs !== undefined && time < query.fromMs) return false;
        if (query.toMs !== undefined && time >= query.toMs) return false;
        if (query.filters.service !== undefined && event.eventSource !== query.filters.service) return false;
        if (query.filters.eventName !== undefined && event.eventName !== query.filters.eventName) return false;
        if (query.filters.ip !== undefined && event['sourceIPAddress'] !== query.filters.ip) return false;
        return true;
      });
      return of({ events: matching.slice(0, query.limit), truncated: matching.length > query.limit });
    });
  }

  listCustomMetrics(): Observable<CustomMetricListResponse> {
    return defer(() => of({ metrics: [...this.customMetrics] }));
  }

  putCustomMetric(id: string, definition: unknown): Observable<CustomMetricPutResponse> {
    return defer(() => {
      this.puts.push({ id, definition });
      const error = this.validatePut(id, definition);
      if (error !== null) return throwError(() => error);
      const metric = { ...(definition as CustomMetricDefinition), id };
      const created = !this.customMetrics.some((existing) => existing.id === id);
      this.customMetrics = [...this.customMetrics.filter((existing) => existing.id !== id), metric];
      return of({ metric, created });
    });
  }
}
