import { type IncomingMessage, type ServerResponse } from 'node:http';
import {
  type CustomMetricListResponse,
  type CustomMetricPutResponse,
  INGEST_CONTENT_TYPES,
  type IngestFormat,
  loginRequestSchema,
  parseCustomMetricPut,
  parseEventsQuery,
  parseMetricsQuery,
  type ParseResult,
  type RouteName,
} from '@trailpulse/api-contract';
import { type Authenticator } from './auth/authenticator';
import { clearedSessionCookie, sessionCookie } from './auth/cookies';
import { type Authenticated } from './auth/request-auth';
import { type ApiBackend, BackendInputError } from './backend';
import { contentEncodingOf, requireContentType } from './body/content-type';
import { parseIngestBody } from './body/ingest-body';
import { readBody, readJsonBody } from './body/read-body';
import { HttpError } from './http-error';
import { type ApiLimits } from './options';
import { sendJson, sendNoContent } from './respond';

export interface HandlerContext {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  /** Present on every route that needs auth. */
  readonly authenticated: Authenticated | undefined;
}

export type Handler = (context: HandlerContext) => Promise<void>;

export interface HandlerDependencies {
  readonly backend: ApiBackend;
  readonly auth: Authenticator;
  readonly limits: ApiLimits;
  /** Login attempts are rate limited per client address; throws a 429 HttpError when over. */
  readonly checkLoginRate: (request: IncomingMessage) => void;
}

const INGEST_TYPES = Object.values(INGEST_CONTENT_TYPES);
const FORMAT_OF_TYPE = new Map<string, IngestFormat>(Object.entries(INGEST_CONTENT_TYPES).map(([format, type]) => [type, format as IngestFormat]));

/** One handler per route of the contract (the Record type makes a missing one a compile error). */
export function createHandlers(deps: HandlerDependencies): Record<RouteName, Handler> {
  const { backend, auth, limits } = deps;
  const jsonBody = (request: IncomingMessage): Promise<unknown> => {
    requireContentType(request, ['application/json']);
    return readJsonBody(request, { maxBytes: limits.maxJsonBodyBytes, encoding: contentEncodingOf(request) });
  };

  return {
    health: async ({ response }) => sendJson(response, 200, { status: 'ok' }),

    ingestEvents: async ({ request, response }) => {
      const format = FORMAT_OF_TYPE.get(requireContentType(request, INGEST_TYPES)) ?? 'json';
      const chunks = await readBody(request, { maxBytes: limits.maxBodyBytes, encoding: contentEncodingOf(request) });
      const { records, result } = await parseIngestBody(chunks, format);
      if (result.accepted > 0) await backend.ingest(records, { format, chunks });
      sendJson(response, 202, result);
    },

    queryEvents: async ({ response, url }) => {
      sendJson(response, 200, await backend.queryEvents(orBadRequest(parseEventsQuery(url.searchParams))));
    },

    queryMetrics: async ({ response, url }) => {
      const query = orBadRequest(parseMetricsQuery(url.searchParams, { allowedWindowSeconds: backend.windowSeconds }));
      sendJson(response, 200, await backend.queryMetrics(query));
    },

    listCustomMetrics: async ({ response }) => {
      const metrics = [...(await backend.listCustomMetrics())].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const body: CustomMetricListResponse = { metrics };
      sendJson(response, 200, body);
    },

    putCustomMetric: async ({ request, response, params }) => {
      const definition = orBadRequest(parseCustomMetricPut(params['id'] ?? '', await jsonBody(request)));
      try {
        const stored = await backend.putCustomMetric(definition);
        const body: CustomMetricPutResponse = { metric: stored.metric, created: stored.created };
        sendJson(response, stored.created ? 201 : 200, body);
      } catch (error) {
        if (error instanceof BackendInputError) throw new HttpError('bad-request', error.message, { problems: error.problems, cause: error });
        throw error;
      }
    },

    login: async ({ request, response }) => {
      deps.checkLoginRate(request);
      const parsed = loginRequestSchema.safeParse(await jsonBody(request));
      if (!parsed.success) throw new HttpError('bad-request', 'the body must be {"token": "<login or API token>"}', { cause: parsed.error });
      const sessionId = auth.login(parsed.data.token);
      if (sessionId === undefined) throw new HttpError('unauthorized', 'the token is not valid (a login token works once)');
      sendNoContent(response, { 'Set-Cookie': sessionCookie(sessionId, auth.sessionTtlSeconds) });
    },

    logout: async ({ response, authenticated }) => {
      if (authenticated?.sessionId !== undefined) auth.endSession(authenticated.sessionId);
      sendNoContent(response, { 'Set-Cookie': clearedSessionCookie() });
    },

    live: async () => {
      throw new HttpError('bad-request', 'this route is a WebSocket: connect with an Upgrade: websocket request');
    },
  };
}

/** The parsed value, or a 400 with the parser's message and problems. */
function orBadRequest<T>(result: ParseResult<T>): T {
  if (result.ok) return result.value;
  throw new HttpError('bad-request', result.error.message, result.error.problems === undefined ? {} : { problems: result.error.problems });
}
