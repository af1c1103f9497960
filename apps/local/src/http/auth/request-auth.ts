import { type IncomingMessage } from 'node:http';
import { type Authenticator, type Principal } from './authenticator';
import { sessionIdFrom } from './cookies';

export interface Authenticated {
  readonly principal: Principal;
  readonly via: 'bearer' | 'cookie';
  readonly sessionId?: string;
}

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

/**
 * The credentials of a request: `Authorization: Bearer <API token>`, else the session cookie. A
 * request with an Authorization header is judged on it alone (a wrong token never falls back to
 * the cookie). A cookie only counts from this same origin (no Origin header, or ours): with
 * SameSite=Strict browsers already hold it back from other sites; this also covers WebSocket
 * upgrades, which are not subject to CORS.
 */
export function authenticate(request: IncomingMessage, auth: Authenticator): Authenticated | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = BEARER.exec(header)?.[1];
    const principal = token === undefined ? undefined : auth.verifyApiToken(token);
    return principal === undefined ? undefined : { principal, via: 'bearer' };
  }
  const sessionId = sessionIdFrom(request.headers.cookie);
  if (sessionId === undefined || !isSameOrigin(request)) return undefined;
  const principal = auth.verifySession(sessionId);
  return principal === undefined ? undefined : { principal, via: 'cookie', sessionId };
}

/** True without an Origin header (not a cross-origin browser request) or with this server's own origin. */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  return host !== undefined && origin === `http://${host}`;
}
