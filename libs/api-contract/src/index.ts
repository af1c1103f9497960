// Public API of @trailpulse/api-contract: the v1 HTTP and WebSocket API (shared/spec/api.md) as
// Zod schemas, inferred types and request parsers. Browser-safe: the dashboard, the local runtime
// and the cloud API all import it; no Node APIs here.
export * from './routes';
export * from './errors';
export * from './parse-result';
export * from './health';
export * from './ingest';
export { parseInstant } from './instant';
export * from './filters';
export * from './metrics';
export * from './metrics-query';
export * from './custom-metrics';
export * from './events';
export * from './session';
export * from './live';
