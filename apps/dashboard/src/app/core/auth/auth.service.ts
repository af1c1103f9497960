import { Injectable, computed, inject, signal } from '@angular/core';
import { RuntimeConfigService } from '../config/runtime-config.service';
import { AUTH_ENVIRONMENT } from './auth-environment';
import { type AuthPort, type AuthState } from './auth-port';

/**
 * Holds the auth implementation config.json selects. Each implementation is its own lazily
 * loaded chunk: a deployment only downloads the flow it uses.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly runtimeConfig = inject(RuntimeConfigService);
  private readonly env = inject(AUTH_ENVIRONMENT);
  private port: AuthPort | null = null;

  readonly state = signal<AuthState>({ status: 'unknown' });
  readonly kind = computed(() => this.runtimeConfig.config.auth.mode);
  readonly signedOut = computed(() => this.state().status === 'signed-out');

  /** Loads the configured flow and completes a sign-in the URL carries. Run once at start. */
  async init(): Promise<void> {
    this.port = await this.createPort();
    this.state.set(await this.port.start());
  }

  accessToken(): string | null {
    return this.port?.accessToken() ?? null;
  }

  async signIn(secret?: string): Promise<AuthState> {
    const port = this.port ?? (this.port = await this.createPort());
    const state = await port.signIn(secret);
    this.state.set(state);
    return state;
  }

  async signOut(): Promise<void> {
    if (this.port !== null) this.state.set(await this.port.signOut());
  }

  /** An API call answered 401: the session is gone. */
  markUnauthorized(): void {
    if (this.state().status === 'signed-out') return;
    this.state.set({
      status: 'signed-out',
      message: this.kind() === 'cognito' ? 'Your session has ended. Sign in again.' : 'Your session has ended or the token changed. Paste the token that `npm start` printed.',
    });
  }

  private async createPort(): Promise<AuthPort> {
    const config = this.runtimeConfig.config;
    if (config.auth.mode === 'cognito') {
      const { CognitoPkceAuth } = await import('./cognito-pkce-auth');
      return new CognitoPkceAuth(this.env, config.auth);
    }
    const { LocalTokenAuth } = await import('./local-token-auth');
    return new LocalTokenAuth(this.env, config.apiBaseUrl);
  }
}
