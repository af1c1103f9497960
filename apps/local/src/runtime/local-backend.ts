import { createEngine } from '@trailpulse/analytics';
import { DEFAULT_DETECTOR, findDetector } from '@trailpulse/anomaly';
import {
  type CustomMetricDefinition,
  type EventsQuery,
  type EventsResponse,
  type LiveEventMessage,
  type MetricsQuery,
  type MetricsResponse,
} from '@trailpulse/api-contract';
import { type MetricsStore } from '@trailpulse/metrics-store';
import { type ApiBackend, BackendInputError, type IngestedBody, type IngestedRecords, type LiveListener } from '../http';
import { HttpError } from '../http/http-error';
import { IngestQueueFullError, type PushSource } from '../sources';
import { type CustomMetricsRegistry } from './custom-metrics';
import { queryAllWindows } from './query-all-windows';
import { type RecentEvents } from './recent-events';

/** Retry-After of a 429 for a full ingest queue: a queued batch merges in well under a second. */
export const INGEST_RETRY_AFTER_SECONDS = 1;

export interface LocalBackendDeps {
  readonly store: MetricsStore;
  readonly recent: RecentEvents;
  readonly custom: CustomMetricsRegistry;
  readonly ingest: PushSource;
  readonly windowSeconds: readonly number[];
}

/** The API over the runtime: store queries, the recent-events ring, HTTP ingest into the push source, live fan-out. */
export class LocalBackend implements ApiBackend {
  readonly windowSeconds: readonly number[];
  private readonly listeners = new Set<LiveListener>();

  constructor(private readonly deps: LocalBackendDeps) {
    this.windowSeconds = deps.windowSeconds;
  }

  /**
   * Journaled, then queued for the pipeline like any source's batch; merged (and checkpointed) asynchronously.
   * @throws HttpError rate-limited (429, Retry-After) when the queue is full: the runtime is behind.
   */
  async ingest(records: IngestedRecords, body: IngestedBody): Promise<void> {
    try {
      await this.deps.ingest.push(
        records.parsed.map((accepted) => accepted.record),
        [],
        records.scanned,
        body,
      );
    } catch (error) {
      if (!(error instanceof IngestQueueFullError)) throw error;
      // Without this the server answered a full queue with a bare 500, and clients could not tell "retry later".
      throw new HttpError('rate-limited', `the runtime is behind (${error.message})`, { headers: { 'Retry-After': String(INGEST_RETRY_AFTER_SECONDS) }, cause: error });
    }
  }

  async queryMetrics(query: MetricsQuery): Promise<MetricsResponse> {
    const { filters } = query;
    if (filters.service !== undefined || filters.principal !== undefined || filters.error !== undefined) return this.recomputeFromRecent(query);
    const windows = await queryAllWindows(this.deps.store, {
      windowSeconds: query.windowSeconds,
      fromMs: query.fromMs,
      toMs: query.toMs,
      ...(filters.account === undefined ? {} : { accounts: [filters.account] }),
      ...(filters.region === undefined ? {} : { regions: [filters.region] }),
      customMetrics: this.deps.custom.current(),
    });
    return { windowSeconds: query.windowSeconds, windows } as MetricsResponse;
  }

  /**
   * Window partials merged per account and region cannot be narrowed to one service, principal or error class,
   * so those queries re-run the engine over the matching records of the recent-events ring: exact
   * for what the ring still holds (its capacity bounds how far back), with the anomaly score of
   * the filtered series itself, scored from the first window of the answer.
   */
  private recomputeFromRecent(query: MetricsQuery): MetricsResponse {
    const engine = createEngine({
      windowSeconds: query.windowSeconds,
      customMetrics: this.deps.custom.current(),
      detector: findDetector(DEFAULT_DETECTOR).factory(),
    });
    for (const accepted of this.deps.recent.accepted(query.filters)) engine.add(accepted);
    const windows = engine.flush().filter((window) => {
      const startMs = Date.parse(window.start);
      return startMs >= query.fromMs && startMs < query.toMs;
    });
    return { windowSeconds: query.windowSeconds, windows } as MetricsResponse;
  }

  async listCustomMetrics(): Promise<readonly CustomMetricDefinition[]> {
    return this.deps.custom.list();
  }

  async putCustomMetric(definition: CustomMetricDefinition): Promise<{ readonly created: boolean; readonly metric: CustomMetricDefinition }> {
    if (definition.window !== undefined && !this.windowSeconds.includes(definition.window)) {
      throw new BackendInputError(`the local runtime computes windows of ${this.windowSeconds.join(', ')} seconds, not ${definition.window}`, [
        { path: 'window', message: `one of ${this.windowSeconds.map((s) => `${s}s`).join(', ')}, or leave it out` },
      ]);
    }
    return this.deps.custom.put(definition);
  }

  async queryEvents(query: EventsQuery): Promise<EventsResponse> {
    return this.deps.recent.query(query);
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fan-out to every subscriber; one failing listener never stops the others. */
  publish(message: LiveEventMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // The live hub handles its own client errors; nothing here may break the closer.
      }
    }
  }
}
