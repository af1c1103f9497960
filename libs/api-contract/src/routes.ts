/**
 * Paths and the route table of the v1 API (api.md "Routes"). The hosts route with it, the
 * dashboard builds URLs with it, and the tests iterate it (every route but health needs auth).
 */
export const API_PREFIX = '/api/v1';

export const API_PATHS = {
  health: `${API_PREFIX}/health`,
  events: `${API_PREFIX}/events`,
  metrics: `${API_PREFIX}/metrics`,
  customMetrics: `${API_PREFIX}/metrics/custom`,
  /** `:id` is a custom metric id (a lower-case slug). */
  customMetric: `${API_PREFIX}/metrics/custom/:id`,
  /** The one-time login token or the API token in, an HttpOnly session cookie out (api.md "Auth"). */
  session: `${API_PREFIX}/session`,
  live: `${API_PREFIX}/live`,
} as const;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDefinition {
  readonly name: string;
  readonly method: HttpMethod;
  /** A path of API_PATHS; `:name` segments match one non-empty path segment. */
  readonly path: string;
  /** False only for health and the login exchange itself (which answers 401 to a bad token). */
  readonly auth: boolean;
}

/** Every HTTP route of the API. The WebSocket `live` route is an upgrade of GET {@link API_PATHS.live}. */
export const API_ROUTES = [
  { name: 'health', method: 'GET', path: API_PATHS.health, auth: false },
  { name: 'ingestEvents', method: 'POST', path: API_PATHS.events, auth: true },
  { name: 'queryEvents', method: 'GET', path: API_PATHS.events, auth: true },
  { name: 'queryMetrics', method: 'GET', path: API_PATHS.metrics, auth: true },
  { name: 'listCustomMetrics', method: 'GET', path: API_PATHS.customMetrics, auth: true },
  { name: 'putCustomMetric', method: 'PUT', path: API_PATHS.customMetric, auth: true },
  { name: 'login', method: 'POST', path: API_PATHS.session, auth: false },
  { name: 'logout', method: 'DELETE', path: API_PATHS.session, auth: true },
  { name: 'live', method: 'GET', path: API_PATHS.live, auth: true },
] as const satisfies readonly RouteDefinition[];

export type RouteName = (typeof API_ROUTES)[number]['name'];

/** `/api/v1/metrics/custom/<id>`, the id URL-encoded. */
export function customMetricPath(id: string): string {
  return API_PATHS.customMetric.replace(':id', encodeURIComponent(id));
}

/** Query parameter of the dashboard's start URL that carries the one-time login token. */
export const LOGIN_TOKEN_PARAM = 'token';
