import { type Signal } from '@angular/core';
import {
  type CustomMetricListResponse,
  type CustomMetricPutResponse,
  type EventsQuery,
  type EventsResponse,
  type LiveEventMessage,
  type MetricsQuery,
  type MetricsResponse,
} from '@trailpulse/api-contract';
import { type Observable } from 'rxjs';
import { type ConnectionState } from './connection-state';

/**
 * The dashboard's only way to the data (the port): HTTP queries and the live stream. Production
 * uses HttpWsMetricsSource; tests use testing/fake-metrics-source.ts. Failures are ApiErrors.
 */
export abstract class MetricsSource {
  /** State of the live stream. */
  abstract readonly connection: Signal<ConnectionState>;
  /** Windows and anomalies as the server publishes them (hot; nothing is replayed). */
  abstract readonly liveMessages: Observable<LiveEventMessage>;
  /** Opens the live stream (reconnecting on its own until `disconnect`). */
  abstract connect(): void;
  abstract disconnect(): void;

  abstract queryMetrics(query: MetricsQuery): Observable<MetricsResponse>;
  abstract queryEvents(query: EventsQuery): Observable<EventsResponse>;
  abstract listCustomMetrics(): Observable<CustomMetricListResponse>;
  /** Creates or replaces a custom metric; a 400 ApiError carries the API's problems per field. */
  abstract putCustomMetric(id: string, definition: unknown): Observable<CustomMetricPutResponse>;
}
