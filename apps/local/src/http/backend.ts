/**
 * What the HTTP and WebSocket server needs from the rest of the local runtime. The runtime
 * (engine, metrics store, sources) implements it; the server only speaks HTTP and parses input.
 */
import {
  type CustomMetricDefinition,
  type EventsQuery,
  type EventsResponse,
  type LiveEventMessage,
  type MetricsQuery,
  type MetricsResponse,
  type Problem,
} from '@trailpulse/api-contract';
import { type IngestedBody, type IngestedRecords } from './body/ingest-body';

export type LiveListener = (message: LiveEventMessage) => void;

export interface ApiBackend {
  /** Window lengths the runtime computes; `GET /api/v1/metrics?window=` must be one of them. */
  readonly windowSeconds: readonly number[];
  /**
   * Takes the accepted records of one request (already judged by the event-schema readers or the
   * byte scanner; the rejected ones were counted by the server). Resolves once they are queued.
   */
  /** Resolves once the records are queued (and, locally, the body journaled: the 202 then survives a crash). */
  ingest(records: IngestedRecords, body: IngestedBody): Promise<void>;
  /** Windows with >= 1 API call whose start is in [fromMs, toMs), sorted by start, filters applied. */
  queryMetrics(query: MetricsQuery): Promise<MetricsResponse>;
  listCustomMetrics(): Promise<readonly CustomMetricDefinition[]>;
  /**
   * Creates or replaces a validated definition.
   * @throws BackendInputError when the runtime cannot use it (e.g. a window it does not compute).
   */
  putCustomMetric(definition: CustomMetricDefinition): Promise<{ readonly created: boolean; readonly metric: CustomMetricDefinition }>;
  /** The most recent matching records, newest first, at most `limit`. */
  queryEvents(query: EventsQuery): Promise<EventsResponse>;
  /** Every closed (or revised) window and every anomaly, as they happen; returns the unsubscribe. */
  subscribe(listener: LiveListener): () => void;
}

/** The backend refuses valid-looking input: answered 400 with its message and problems. */
export class BackendInputError extends Error {
  override readonly name = 'BackendInputError';

  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
