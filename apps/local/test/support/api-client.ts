import { request as httpRequest } from 'node:http';
import { API_PATHS, type IngestResult, MAX_WINDOWS_PER_QUERY, type MetricsResponse, type MetricsWindow } from '@trailpulse/api-contract';
import { ALL_TIME } from './workspace';

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

export interface ApiRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** One plain node:http request against the runtime (the tests set every header themselves). */
export function call(baseUrl: string, pathAndQuery: string, options: ApiRequest = {}): Promise<ApiResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: pathAndQuery, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server that answers early (413, 401) may close while the body is still going out.
    req.on('error', reject);
    req.end(options.body);
  });
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** A client of one runtime, authenticated with its API token. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  async postEvents(body: string | Uint8Array, contentType: string, gzip = false): Promise<IngestResult> {
    const headers: Record<string, string> = { ...bearer(this.token), 'Content-Type': contentType };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    const response = await call(this.baseUrl, API_PATHS.events, { method: 'POST', headers, body });
    if (response.status !== 202) throw new Error(`POST ${API_PATHS.events} answered ${response.status}: ${response.text}`);
    return JSON.parse(response.text) as IngestResult;
  }

  /** Every window of one length (the runtime pages the store itself; the answer is one array). */
  async metrics(windowSeconds: number, filters: Readonly<Record<string, string>> = {}, range: { fromMs: number; toMs: number } = ALL_TIME): Promise<MetricsResponse> {
    const query = new URLSearchParams({ window: String(windowSeconds), from: String(range.fromMs), to: String(range.toMs), ...filters });
    const response = await call(this.baseUrl, `${API_PATHS.metrics}?${query.toString()}`, { headers: bearer(this.token) });
    if (response.status !== 200) throw new Error(`GET ${API_PATHS.metrics}?${query.toString()} answered ${response.status}: ${response.text}`);
    return JSON.parse(response.text) as MetricsResponse;
  }

  /**
   * Every window of `windowSeconds` over ALL_TIME. One request may span at most MAX_WINDOWS_PER_QUERY
   * windows (11 years of 10 s windows would take 3,400 requests), so this finds the hours holding
   * calls first (3600 s windows, 420 days per request) and asks only for those hours, grouped.
   */
  async allWindows(windowSeconds: number, filters: Readonly<Record<string, string>> = {}): Promise<MetricsWindow[]> {
    const hourMs = 3_600_000;
    const hours = await this.pagedWindows(3600, ALL_TIME.fromMs, ALL_TIME.toMs, filters);
    if (windowSeconds === 3600) return hours;
    const spanMs = MAX_WINDOWS_PER_QUERY * windowSeconds * 1000;
    const out: MetricsWindow[] = [];
    let range: { fromMs: number; toMs: number } | undefined;
    for (const hour of hours) {
      const startMs = Date.parse(hour.start);
      if (range !== undefined && startMs + hourMs - range.fromMs <= spanMs) {
        range.toMs = startMs + hourMs;
        continue;
      }
      if (range !== undefined) out.push(...(await this.metrics(windowSeconds, filters, range)).windows);
      range = { fromMs: startMs, toMs: startMs + hourMs };
    }
    if (range !== undefined) out.push(...(await this.metrics(windowSeconds, filters, range)).windows);
    return out;
  }

  private async pagedWindows(windowSeconds: number, fromMs: number, toMs: number, filters: Readonly<Record<string, string>>): Promise<MetricsWindow[]> {
    const spanMs = MAX_WINDOWS_PER_QUERY * windowSeconds * 1000;
    const out: MetricsWindow[] = [];
    for (let from = fromMs; from < toMs; from += spanMs) out.push(...(await this.metrics(windowSeconds, filters, { fromMs: from, toMs: Math.min(toMs, from + spanMs) })).windows);
    return out;
  }

  /**
   * API calls in the rows of `windowSeconds` (the 10 s ones are merged first, the others every few
   * seconds), over all time or over `range` (one request when the range fits one page).
   */
  async totalCalls(windowSeconds = 3600, range: { readonly fromMs: number; readonly toMs: number } = ALL_TIME): Promise<number> {
    const windows = await this.pagedWindows(windowSeconds, range.fromMs, range.toMs, {});
    return windows.reduce((sum, window) => sum + window.metrics.totalCalls, 0);
  }
}
