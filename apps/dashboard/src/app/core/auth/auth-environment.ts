import { InjectionToken } from '@angular/core';
import { type AuthEnvironment } from './auth-port';

export const browserAuthEnvironment = (): AuthEnvironment => ({
  fetch: globalThis.fetch.bind(globalThis),
  currentUrl: () => location.href,
  replaceUrl: (url) => history.replaceState(history.state, '', url),
  redirect: (url) => location.assign(url),
  storage: sessionStorage,
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  sha256: (data) => crypto.subtle.digest('SHA-256', data),
  now: () => Date.now(),
});

export const AUTH_ENVIRONMENT = new InjectionToken<AuthEnvironment>('AUTH_ENVIRONMENT', { providedIn: 'root', factory: browserAuthEnvironment });
