import { DOCUMENT, Injectable, InjectionToken, computed, effect, inject, signal } from '@angular/core';
import { ECHARTS_THEME_NAMES, type ThemeName } from '../charts/chart-theme';

const STORAGE_KEY = 'trailpulse.theme';

/** Storage of user preferences; injected so tests get a fresh one. */
export const PREFERENCES_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem'>>('PREFERENCES_STORAGE', {
  providedIn: 'root',
  factory: () => localStorage,
});

/** Dark or light: the user's choice, else the system's. Applied as `data-theme` on <html>. */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  private readonly storage = inject(PREFERENCES_STORAGE);
  readonly theme = signal<ThemeName>(this.initial());
  readonly echartsTheme = computed(() => ECHARTS_THEME_NAMES[this.theme()]);

  constructor() {
    effect(() => this.document.documentElement.setAttribute('data-theme', this.theme()));
  }

  toggle(): void {
    const next: ThemeName = this.theme() === 'dark' ? 'light' : 'dark';
    this.theme.set(next);
    this.storage.setItem(STORAGE_KEY, next);
  }

  private initial(): ThemeName {
    const stored = this.storage.getItem(STORAGE_KEY);
    if (stored === 'dark' || stored === 'light') return stored;
    const prefersLight = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: light)').matches ?? false;
    return prefersLight ? 'light' : 'dark';
  }
}
