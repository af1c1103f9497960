import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import { type RuntimeConfig } from './runtime-config';
import { DEFAULT_RUNTIME_CONFIG } from './runtime-config-defaults';

/** `fetch`, injected so tests serve config.json without a server. */
export const FETCH = new InjectionToken<typeof fetch>('FETCH', { providedIn: 'root', factory: () => (input, init) => globalThis.fetch(input, init) });

/** Relative to the base href, so the dashboard can live under a path prefix. */
export const RUNTIME_CONFIG_URL = 'config.json';

/** Holds the runtime config once the app initializer has loaded it. */
@Injectable({ providedIn: 'root' })
export class RuntimeConfigService {
  private readonly fetchFn = inject(FETCH);
  private readonly current = signal<RuntimeConfig>(DEFAULT_RUNTIME_CONFIG);
  /** Why config.json could not be used; the app shows it instead of the dashboard. */
  readonly loadError = signal<string | null>(null);

  get config(): RuntimeConfig {
    return this.current();
  }

  /** Reads config.json. A missing file means "local defaults"; a broken one is an error to show. */
  async load(): Promise<void> {
    let response: Response;
    try {
      response = await this.fetchFn(RUNTIME_CONFIG_URL, { cache: 'no-store' });
    } catch (error) {
      this.loadError.set(`Could not fetch ${RUNTIME_CONFIG_URL}: ${describe(error)}. Check that the dashboard's host is reachable, then reload.`);
      return;
    }
    if (response.status === 404) return;
    if (!response.ok) {
      this.loadError.set(`Could not fetch ${RUNTIME_CONFIG_URL}: HTTP ${response.status}. Reload, or ask the operator to check the deployment.`);
      return;
    }
    // The validator (zod) is loaded here, not with the first script: it is not needed before this point.
    const { RuntimeConfigError, parseRuntimeConfig } = await import('./runtime-config');
    try {
      this.current.set(parseRuntimeConfig(await response.json()));
    } catch (error) {
      const message = error instanceof RuntimeConfigError ? error.message : `${RUNTIME_CONFIG_URL} is not valid JSON (${describe(error)})`;
      this.loadError.set(`${message}. Fix the file and reload; nothing needs rebuilding.`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
