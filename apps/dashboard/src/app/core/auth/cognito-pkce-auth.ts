import { type CognitoAuthConfig } from '../config/runtime-config';
import { type AuthEnvironment, type AuthPort, type AuthState } from './auth-port';
import { base64Url, codeChallengeS256, createCodeVerifier } from './pkce';

const PENDING_KEY = 'trailpulse.oauth.pending';

interface PendingSignIn {
  readonly state: string;
  readonly verifier: string;
  /** Where the user was, to return there after sign-in. */
  readonly returnTo: string;
}

interface TokenResponse {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
}

/**
 * Cognito Hosted UI with OIDC authorization code + PKCE (a public client: no secret in the
 * browser). Tokens stay in memory only; a reload goes back through the Hosted UI, which signs a
 * user with a live Cognito session straight back in.
 */
export class CognitoPkceAuth implements AuthPort {
  readonly kind = 'cognito' as const;
  private token: { readonly value: string; readonly expiresAtMs: number } | null = null;

  constructor(
    private readonly env: AuthEnvironment,
    private readonly config: CognitoAuthConfig,
  ) {}

  private get redirectUri(): string {
    if (this.config.redirectUri !== undefined) return this.config.redirectUri;
    const url = new URL(this.env.currentUrl());
    return `${url.origin}/`;
  }

  async start(): Promise<AuthState> {
    const url = new URL(this.env.currentUrl());
    const code = url.searchParams.get('code');
    const state = url.searchParams.get('state');
    const error = url.searchParams.get('error');
    if (code === null && error === null) return { status: 'signed-out' };
    for (const name of ['code', 'state', 'error', 'error_description']) url.searchParams.delete(name);
    const pending = this.takePending();
    this.env.replaceUrl(pending === null ? url.toString() : new URL(pending.returnTo, url).toString());
    if (error !== null) return { status: 'signed-out', message: `Sign-in was refused (${error}). Try again, or ask an administrator for access.` };
    if (pending === null || state !== pending.state) {
      return { status: 'signed-out', message: 'That sign-in response does not belong to this browser tab (state mismatch). Sign in again.' };
    }
    return this.redeem(code ?? '', pending.verifier);
  }

  accessToken(): string | null {
    if (this.token === null || this.env.now() >= this.token.expiresAtMs) return null;
    return this.token.value;
  }

  async signIn(): Promise<AuthState> {
    const verifier = createCodeVerifier((length) => this.env.randomBytes(length));
    const state = base64Url(this.env.randomBytes(16));
    const here = new URL(this.env.currentUrl());
    const pending: PendingSignIn = { state, verifier, returnTo: `${here.pathname}${here.search}${here.hash}` };
    this.env.storage.setItem(PENDING_KEY, JSON.stringify(pending));
    const authorize = new URL('/oauth2/authorize', this.config.domain);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.redirectUri,
      scope: this.config.scopes.join(' '),
      state,
      code_challenge: await codeChallengeS256(verifier, (data) => this.env.sha256(data)),
      code_challenge_method: 'S256',
    }).toString();
    this.env.redirect(authorize.toString());
    return { status: 'signed-out', message: 'Redirecting to sign-in…' };
  }

  async signOut(): Promise<AuthState> {
    this.token = null;
    const logout = new URL('/logout', this.config.domain);
    logout.search = new URLSearchParams({ client_id: this.config.clientId, logout_uri: this.redirectUri }).toString();
    this.env.redirect(logout.toString());
    return { status: 'signed-out', message: 'Signed out.' };
  }

  private takePending(): PendingSignIn | null {
    const raw = this.env.storage.getItem(PENDING_KEY);
    this.env.storage.removeItem(PENDING_KEY);
    if (raw === null) return null;
    try {
      const value = JSON.parse(raw) as Partial<PendingSignIn>;
      return typeof value.state === 'string' && typeof value.verifier === 'string' && typeof value.returnTo === 'string' ? (value as PendingSignIn) : null;
    } catch {
      return null;
    }
  }

  private async redeem(code: string, verifier: string): Promise<AuthState> {
    let response: Response;
    try {
      response = await this.env.fetch(new URL('/oauth2/token', this.config.domain).toString(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: this.config.clientId,
          code,
          redirect_uri: this.redirectUri,
          code_verifier: verifier,
        }).toString(),
      });
    } catch {
      return { status: 'signed-out', message: 'Could not reach the sign-in service. Check your network and sign in again.' };
    }
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || typeof body.access_token !== 'string') {
      return { status: 'signed-out', message: `Sign-in could not be completed (HTTP ${response.status}). Sign in again.` };
    }
    const lifetimeSeconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    this.token = { value: body.access_token, expiresAtMs: this.env.now() + lifetimeSeconds * 1000 };
    return { status: 'signed-in' };
  }
}
