import { type Clock, systemClock } from '../runtime-types';
import { secretKey, secretsEqual } from './constant-time';
import { randomToken } from './random-token';

/** Who made an authenticated request; `key` names its rate-limit bucket ("per token"). */
export type Principal = { readonly kind: 'api-token'; readonly key: string } | { readonly kind: 'session'; readonly key: string };

export interface AuthenticatorOptions {
  /** The API token (TRAILPULSE_TOKEN or the stored one). */
  readonly apiToken: string;
  readonly clock?: Clock;
  /** How long a dashboard session lasts (default 12 h). */
  readonly sessionTtlMs?: number;
  /** Sessions kept at most; the oldest goes first (default 64). */
  readonly maxSessions?: number;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 3_600_000;

/**
 * The runtime's credentials: the API token (bearer), one-time login tokens (the dashboard's start
 * URL) and the sessions they are traded for (an HttpOnly cookie). Secrets are compared in constant
 * time and held only as hashes, so neither timing nor a heap dump of the maps reveals them.
 */
export class Authenticator {
  private readonly clock: Clock;
  private readonly sessionTtlMs: number;
  private readonly maxSessions: number;
  /** Hash of each unused login token. */
  private readonly loginTokens = new Set<string>();
  /** Hash of each session id -> expiry (ms); insertion order is age. */
  private readonly sessions = new Map<string, number>();

  constructor(private readonly options: AuthenticatorOptions) {
    if (options.apiToken.length < 16) throw new RangeError('the API token must be at least 16 characters long');
    this.clock = options.clock ?? systemClock;
    this.sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
    this.maxSessions = options.maxSessions ?? 64;
  }

  get sessionTtlSeconds(): number {
    return Math.floor(this.sessionTtlMs / 1000);
  }

  /** A fresh one-time login token for the dashboard's start URL: valid until used. */
  issueLoginToken(): string {
    const token = randomToken();
    this.loginTokens.add(secretKey(token));
    return token;
  }

  verifyApiToken(token: string): Principal | undefined {
    return secretsEqual(token, this.options.apiToken) ? { kind: 'api-token', key: 'api-token' } : undefined;
  }

  /** Uses up a one-time login token; a new session id when it was valid. */
  redeemLoginToken(token: string): string | undefined {
    const key = secretKey(token);
    if (!this.loginTokens.delete(key)) return undefined;
    return this.startSession();
  }

  /** The POST exchange: a one-time login token or the API token buys a session. */
  login(token: string): string | undefined {
    return this.redeemLoginToken(token) ?? (this.verifyApiToken(token) === undefined ? undefined : this.startSession());
  }

  verifySession(sessionId: string): Principal | undefined {
    const key = secretKey(sessionId);
    const expiresAt = this.sessions.get(key);
    if (expiresAt === undefined) return undefined;
    if (expiresAt <= this.clock.now()) {
      this.sessions.delete(key);
      return undefined;
    }
    return { kind: 'session', key: `session:${key}` };
  }

  endSession(sessionId: string): void {
    this.sessions.delete(secretKey(sessionId));
  }

  private startSession(): string {
    const sessionId = randomToken();
    while (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (oldest.done === true) break;
      this.sessions.delete(oldest.value);
    }
    this.sessions.set(secretKey(sessionId), this.clock.now() + this.sessionTtlMs);
    return sessionId;
  }
}
