import { API_PATHS, LOGIN_TOKEN_PARAM } from '@trailpulse/api-contract';
import { type AuthEnvironment, type AuthPort, type AuthState } from './auth-port';

/**
 * The local runtime's flow (api.md "Auth"): the start URL carries a one-time `?token=`, traded at
 * POST /api/v1/session for an HttpOnly session cookie, and removed from the URL bar before anything
 * else. A host without the session route gets the token as an in-memory bearer instead.
 */
export class LocalTokenAuth implements AuthPort {
  readonly kind = 'local-token' as const;
  private bearer: string | null = null;

  constructor(
    private readonly env: AuthEnvironment,
    private readonly apiBaseUrl: string,
  ) {}

  async start(): Promise<AuthState> {
    const url = new URL(this.env.currentUrl());
    const token = url.searchParams.get(LOGIN_TOKEN_PARAM);
    if (token === null) return { status: 'unknown' };
    url.searchParams.delete(LOGIN_TOKEN_PARAM);
    this.env.replaceUrl(url.toString());
    return this.exchange(token, 'The login link has expired or was already used. Paste the token that `npm start` printed, or open its new link.');
  }

  accessToken(): string | null {
    return this.bearer;
  }

  async signIn(secret?: string): Promise<AuthState> {
    const token = secret?.trim() ?? '';
    if (token === '') return { status: 'signed-out', message: 'Paste the token that `npm start` printed.' };
    return this.exchange(token, 'That token was refused. Copy it again from the output of `npm start` (it changes on every start).');
  }

  async signOut(): Promise<AuthState> {
    this.bearer = null;
    try {
      await this.env.fetch(`${this.apiBaseUrl}${API_PATHS.session}`, { method: 'DELETE', credentials: 'include' });
    } catch {
      // Signing out locally still works: the cookie expires with the runtime.
    }
    return { status: 'signed-out', message: 'Signed out.' };
  }

  private async exchange(token: string, refusedMessage: string): Promise<AuthState> {
    let response: Response;
    try {
      response = await this.env.fetch(`${this.apiBaseUrl}${API_PATHS.session}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    } catch {
      return { status: 'signed-out', message: 'The API did not answer. Check that the local runtime is running (npm start), then retry.' };
    }
    if (response.ok) {
      this.bearer = null;
      return { status: 'signed-in' };
    }
    if (response.status === 404 || response.status === 405) {
      // No session route on this host: keep the token in memory only (gone on reload, never stored).
      this.bearer = token;
      return { status: 'signed-in' };
    }
    if (response.status === 401) return { status: 'signed-out', message: refusedMessage };
    return { status: 'signed-out', message: `Signing in failed (HTTP ${response.status}). Retry in a moment.` };
  }
}
