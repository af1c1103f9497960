/** Whether API calls will be authorized. `unknown`: maybe (a session cookie); the first 401 decides. */
export type AuthStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface AuthState {
  readonly status: AuthStatus;
  /** Why the user is signed out, or what to do: shown on the sign-in page. */
  readonly message?: string;
}

/**
 * The small auth port: one implementation per login flow, chosen by config.json at start, so the
 * same build serves the local runtime (one-time token, session cookie) and the cloud (Cognito
 * Hosted UI, OIDC authorization code + PKCE).
 */
export interface AuthPort {
  readonly kind: 'local-token' | 'cognito';
  /** Finishes a sign-in the start URL carries (token, or code + state) and removes it from the URL. */
  start(): Promise<AuthState>;
  /** Bearer for API calls and the live socket; null when a session cookie authenticates. */
  accessToken(): string | null;
  /** local-token: exchanges the given token; cognito: leaves for the Hosted UI. */
  signIn(secret?: string): Promise<AuthState>;
  signOut(): Promise<AuthState>;
}

/** Browser facilities the implementations use, injected so tests run them without a browser. */
export interface AuthEnvironment {
  readonly fetch: typeof fetch;
  /** The current page URL. */
  currentUrl(): string;
  /** Replaces the URL bar without navigating (removes one-time secrets). */
  replaceUrl(url: string): void;
  /** Leaves the app for another page (identity provider). */
  redirect(url: string): void;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  randomBytes(length: number): Uint8Array<ArrayBuffer>;
  sha256(data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  now(): number;
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
}
