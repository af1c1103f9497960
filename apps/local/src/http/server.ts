import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Duplex } from 'node:stream';
import { API_PATHS, API_PREFIX, LOGIN_TOKEN_PARAM } from '@trailpulse/api-contract';
import { handleLoginLink } from './auth/login-link';
import { authenticate } from './auth/request-auth';
import { createHandlers } from './handlers';
import { HttpError } from './http-error';
import { LiveHub } from './live/live-hub';
import { type ApiServerOptions, DEFAULT_HOST, DEFAULT_PORT, resolveLimits } from './options';
import { RateLimiter } from './rate-limiter';
import { sendHttpError } from './respond';
import { Router } from './router';
import { type Logger, silentLogger, systemClock } from './runtime-types';
import { setSecurityHeaders } from './security-headers';
import { StaticFiles } from './static/static-files';

/** After answering a request whose body was not read (413), how long the rest is drained before the socket is dropped. */
const LINGER_MS = 2_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export interface ApiServer {
  readonly server: Server;
  /** Binds (default 127.0.0.1:4600; port 0 picks a free one) and resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** The dashboard's start URL with a fresh one-time login token; after listen. */
  loginUrl(): string;
  /** Authenticated WebSocket clients connected now. */
  liveClients(): number;
  close(): Promise<void>;
}

/**
 * The local runtime's HTTP + WebSocket server (api.md): the API routes over `backend`, the live
 * feed, and the built dashboard from `staticDir`. Every response carries the security headers;
 * every error is `{error, message}` without stack traces.
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const { backend, auth } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const limits = resolveLimits(options.limits);
  const router = new Router();
  const requestLimiter = new RateLimiter(limits.rateLimit, clock);
  const loginLimiter = new RateLimiter(limits.loginRateLimit, clock);
  const staticFiles = new StaticFiles(options.staticDir);
  const live = new LiveHub(auth, limits.live, logger);
  const checkLoginRate = (request: IncomingMessage): void => enforce(loginLimiter.take(`login:${request.socket.remoteAddress ?? ''}`));
  const handlers = createHandlers({ backend, auth, limits, checkLoginRate });
  let baseUrl: string | undefined;
  let unsubscribe: (() => void) | undefined;

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const pathname = url.pathname;
    if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) {
      if (url.searchParams.has(LOGIN_TOKEN_PARAM)) {
        checkLoginRate(request);
        if (handleLoginLink(request, response, url, auth)) return;
      }
      await staticFiles.serve(request, response, pathname);
      return;
    }
    const { route: matched, params } = router.match(request.method ?? 'GET', pathname);
    const authenticated = matched.auth ? authenticate(request, auth) : undefined;
    if (matched.auth) {
      if (authenticated === undefined) {
        throw new HttpError('unauthorized', 'a valid token is required: Authorization: Bearer <token>, or sign in with the dashboard link', {
          headers: { 'WWW-Authenticate': 'Bearer realm="trailpulse"' },
        });
      }
      if (authenticated.via === 'cookie' && UNSAFE_METHODS.has(request.method ?? '') && request.headers.origin === undefined) {
        // Browsers send Origin on every state-changing request; a session cookie without one is not the dashboard.
        throw new HttpError('forbidden', 'a state-changing request with a session cookie must come from the dashboard (Origin header)');
      }
      enforce(requestLimiter.take(authenticated.principal.key));
    }
    await handlers[matched.name]({ request, response, url, params, authenticated });
  }

  async function onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    try {
      await route(request, response, parseUrl(request));
    } catch (error) {
      answerError(request, response, error, logger);
    }
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    let pathname: string;
    try {
      pathname = parseUrl(request).pathname;
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (pathname !== API_PATHS.live || (request.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    live.handleUpgrade(request, socket, head);
  }

  const server = createServer((request, response) => void onRequest(request, response));
  server.on('upgrade', onUpgrade);
  // Slow-loris bounds: a request must send its headers within 10 s and finish within 2 min.
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;

  return {
    server,
    listen(port = DEFAULT_PORT, host = DEFAULT_HOST): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          baseUrl = `http://${host}:${address.port}`;
          unsubscribe = backend.subscribe((message) => live.broadcast(message));
          logger.info('listening', { url: baseUrl });
          resolve(baseUrl);
        });
      });
    },
    loginUrl(): string {
      if (baseUrl === undefined) throw new Error('loginUrl() needs a listening server: call listen() first');
      return `${baseUrl}/?${LOGIN_TOKEN_PARAM}=${auth.issueLoginToken()}`;
    },
    liveClients: () => live.connectedClients,
    close(): Promise<void> {
      unsubscribe?.();
      live.close();
      return new Promise((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}

function enforce(verdict: ReturnType<RateLimiter['take']>): void {
  if (!verdict.allowed) {
    throw new HttpError('rate-limited', `too many requests: retry in ${verdict.retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
    });
  }
}

function parseUrl(request: IncomingMessage): URL {
  try {
    // The host is irrelevant here (only path and query are read); a fixed base keeps a forged Host header out.
    return new URL(request.url ?? '/', 'http://localhost');
  } catch (error) {
    throw new HttpError('bad-request', 'the request URL is not valid', { cause: error });
  }
}

/** HttpErrors as their JSON body; anything else is logged and answered with a bare 500. */
function answerError(request: IncomingMessage, response: ServerResponse, error: unknown, logger: Logger): void {
  const httpError =
    error instanceof HttpError
      ? error
      : new HttpError('internal-error', 'the request could not be completed; the runtime log has the details', { cause: error });
  if (!(error instanceof HttpError)) {
    logger.error('request failed', { method: request.method, path: request.url?.split('?')[0], error: error instanceof Error ? error.stack : String(error) });
  }
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // A body left unread (413, or a 401/415 before reading) is not drained for keep-alive: the
  // connection closes, after a short linger so that the client still reads the answer.
  const unread = httpError.options.closeConnection === true || !request.complete;
  if (unread) response.once('finish', () => setTimeout(() => request.socket.destroy(), LINGER_MS).unref());
  sendHttpError(response, unread ? new HttpError(httpError.code, httpError.message, { ...httpError.options, closeConnection: true }) : httpError);
}

