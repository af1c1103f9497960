import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import {
  API_PATHS,
  customMetricListResponseSchema,
  customMetricPath,
  customMetricPutResponseSchema,
  eventsQuerySearchParams,
  eventsResponseSchema,
  metricsQuerySearchParams,
  metricsResponseSchema,
  type CustomMetricListResponse,
  type CustomMetricPutResponse,
  type EventsQuery,
  type EventsResponse,
  type LiveEventMessage,
  type MetricsQuery,
  type MetricsResponse,
} from '@trailpulse/api-contract';
import { catchError, map, type Observable, Subject, throwError } from 'rxjs';
import { type z } from 'zod';
import { ApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { RuntimeConfigService } from '../config/runtime-config.service';
import { LiveConnection } from '../live/live-connection';
import { WEBSOCKET_FACTORY } from '../live/websocket-like';
import { SCHEDULER } from '../time/scheduler';
import { type ConnectionState } from './connection-state';
import { MetricsSource } from './metrics-source';

/** The production MetricsSource: the v1 HTTP API, and the live WebSocket. Answers are checked against the contract. */
@Injectable()
export class HttpWsMetricsSource extends MetricsSource {
  private readonly http = inject(HttpClient);
  private readonly config = inject(RuntimeConfigService).config;
  private readonly auth = inject(AuthService);
  private readonly state = signal<ConnectionState>({ status: 'idle' });
  private readonly messages = new Subject<LiveEventMessage>();
  private readonly live = new LiveConnection({
    url: () => liveUrl(this.config.liveUrl, this.config.apiBaseUrl, location.href),
    token: () => this.auth.accessToken(),
    socketFactory: inject(WEBSOCKET_FACTORY),
    scheduler: inject(SCHEDULER),
    onMessage: (message) => this.messages.next(message),
    onState: (state) => this.state.set(state),
    onUnauthorized: () => this.auth.markUnauthorized(),
  });

  readonly connection = this.state.asReadonly();
  readonly liveMessages = this.messages.asObservable();

  constructor() {
    super();
    inject(DestroyRef).onDestroy(() => this.live.stop());
  }

  connect(): void {
    this.live.start();
  }

  disconnect(): void {
    this.live.stop();
  }

  queryMetrics(query: MetricsQuery): Observable<MetricsResponse> {
    return this.get(API_PATHS.metrics, metricsQuerySearchParams(query), metricsResponseSchema);
  }

  queryEvents(query: EventsQuery): Observable<EventsResponse> {
    return this.get(API_PATHS.events, eventsQuerySearchParams(query), eventsResponseSchema);
  }

  listCustomMetrics(): Observable<CustomMetricListResponse> {
    return this.get(API_PATHS.customMetrics, new URLSearchParams(), customMetricListResponseSchema);
  }

  putCustomMetric(id: string, definition: unknown): Observable<CustomMetricPutResponse> {
    const url = `${this.config.apiBaseUrl}${customMetricPath(id)}`;
    return this.checked(this.http.put<unknown>(url, definition), url, customMetricPutResponseSchema);
  }

  private get<Schema extends z.ZodType>(path: string, params: URLSearchParams, schema: Schema): Observable<z.output<Schema>> {
    const url = `${this.config.apiBaseUrl}${path}`;
    return this.checked(this.http.get<unknown>(url, { params: new HttpParams({ fromString: params.toString() }) }), url, schema);
  }

  private checked<Schema extends z.ZodType>(request: Observable<unknown>, url: string, schema: Schema): Observable<z.output<Schema>> {
    return request.pipe(
      catchError((error: unknown) =>
        throwError(() => (error instanceof HttpErrorResponse ? ApiError.fromResponse(error.status, error.error, url, error) : error)),
      ),
      map((body) => {
        const parsed = schema.safeParse(body);
        if (parsed.success) return parsed.data;
        const issue = parsed.error.issues[0];
        const where = issue === undefined ? '' : ` at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
        throw new ApiError(200, 'bad-response', `${url} answered a body that does not match the API contract${where}`, [], { cause: parsed.error });
      }),
    );
  }
}

/** `config.liveUrl`, else the API's origin (or the page's) with ws:/wss: and the live path. */
export function liveUrl(configured: string | undefined, apiBaseUrl: string, pageUrl: string): string {
  if (configured !== undefined && configured !== '') return configured;
  const base = new URL(apiBaseUrl === '' ? pageUrl : apiBaseUrl, pageUrl);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = `${base.pathname.replace(/\/$/, '')}${API_PATHS.live}`.replace(/^\/+/, '/');
  if (apiBaseUrl === '') base.pathname = API_PATHS.live;
  base.search = '';
  base.hash = '';
  return base.toString();
}
