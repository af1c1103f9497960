// The local runtime's HTTP + WebSocket server (api.md), for apps/local/src/main.ts to assemble.
export { Authenticator, type AuthenticatorOptions, DEFAULT_SESSION_TTL_MS, type Principal } from './auth/authenticator';
export { ApiTokenError, type ApiTokenSource, loadOrCreateApiToken, TOKEN_ENV, TOKEN_FILE } from './auth/token-store';
export { type ApiBackend, BackendInputError, type LiveListener } from './backend';
export { type IngestedBody, type IngestedRecords, parseIngestBody } from './body/ingest-body';
export { type ApiLimits, type ApiServerOptions, DEFAULT_HOST, DEFAULT_LIMITS, DEFAULT_PORT, type LiveLimits, type RateLimit } from './options';
export { type Clock, type Logger, silentLogger, systemClock } from './runtime-types';
export { type ApiServer, createApiServer } from './server';
export { CONTENT_SECURITY_POLICY } from './security-headers';
