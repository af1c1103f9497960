import { DEFAULT_MAX_BODY_BYTES, LIVE_AUTH_TIMEOUT_MS } from '@trailpulse/api-contract';
import { type ApiBackend } from './backend';
import { type Authenticator } from './auth/authenticator';
import { type Clock, type Logger } from './runtime-types';

/** Where the local runtime listens (issue #6): loopback only, never all interfaces. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4600;

export interface RateLimit {
  /** Requests allowed in a burst. */
  readonly burst: number;
  /** Sustained requests per second. */
  readonly perSecond: number;
}

export interface ApiLimits {
  /** Largest ingest body, raw and decompressed (default 10 MB). */
  readonly maxBodyBytes: number;
  /** Largest JSON body of the other routes (custom metric definitions, login). */
  readonly maxJsonBodyBytes: number;
  /** Per token (the API token, or each session). */
  readonly rateLimit: RateLimit;
  /** Login attempts per client address (the one-time URL and POST /session). */
  readonly loginRateLimit: RateLimit;
  readonly live: LiveLimits;
}

export interface LiveLimits {
  /** A connection without a valid Authorization header must send `auth` within this (api.md: 5 s). */
  readonly authTimeoutMs: number;
  /** Ping interval; a client that did not answer the previous ping is dropped. */
  readonly heartbeatMs: number;
  /**
   * Backpressure: bytes a client may have pending (sent but not yet taken by the network). A client
   * beyond it is closed with 4429 rather than buffered without bound or silently missing windows;
   * it reconnects and reloads the windows it missed over HTTP.
   */
  readonly maxBufferedBytes: number;
  /** Concurrent WebSocket connections. */
  readonly maxClients: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  maxJsonBodyBytes: 256 * 1024,
  // Generous for a dashboard polling a handful of routes and a forwarder posting batches.
  rateLimit: { burst: 200, perSecond: 50 },
  loginRateLimit: { burst: 10, perSecond: 0.2 },
  live: { authTimeoutMs: LIVE_AUTH_TIMEOUT_MS, heartbeatMs: 30_000, maxBufferedBytes: 4 * 1024 * 1024, maxClients: 64 },
};

export interface ApiServerOptions {
  readonly backend: ApiBackend;
  readonly auth: Authenticator;
  readonly limits?: Partial<Omit<ApiLimits, 'live'>> & { readonly live?: Partial<LiveLimits> };
  /** The built dashboard (its index.html); absent or missing: `/` explains how to build it. */
  readonly staticDir?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export function resolveLimits(limits: ApiServerOptions['limits']): ApiLimits {
  return { ...DEFAULT_LIMITS, ...limits, live: { ...DEFAULT_LIMITS.live, ...limits?.live } };
}
