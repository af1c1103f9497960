import { type IncomingMessage, type ServerResponse } from 'node:http';
import { LOGIN_TOKEN_PARAM } from '@trailpulse/api-contract';
import { HttpError } from '../http-error';
import { type Authenticator } from './authenticator';
import { sessionCookie } from './cookies';

/**
 * The dashboard's start URL `/?token=<one-time login token>`: trades the token for a session
 * cookie and redirects to the same URL without it, so that the token leaves the URL bar (and
 * Referrer-Policy: no-referrer keeps it out of any Referer before that). Returns false when the URL
 * carries no token. Only one-time tokens work here: the API token never belongs in a URL.
 */
export function handleLoginLink(request: IncomingMessage, response: ServerResponse, url: URL, auth: Authenticator): boolean {
  const token = url.searchParams.get(LOGIN_TOKEN_PARAM);
  // GET only: a HEAD (a link preview) must not use up the one-time token.
  if (token === null || request.method !== 'GET') return false;
  const sessionId = auth.redeemLoginToken(token);
  if (sessionId === undefined) {
    throw new HttpError('unauthorized', 'this login link was already used or is not valid: restart the runtime for a new one, or sign in with the API token');
  }
  const rest = new URLSearchParams(url.searchParams);
  rest.delete(LOGIN_TOKEN_PARAM);
  const query = rest.toString();
  response.writeHead(303, {
    Location: `${url.pathname}${query === '' ? '' : `?${query}`}`,
    'Set-Cookie': sessionCookie(sessionId, auth.sessionTtlSeconds),
    'Cache-Control': 'no-store',
    'Content-Length': '0',
  });
  response.end();
  return true;
}
