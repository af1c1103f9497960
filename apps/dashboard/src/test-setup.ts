// Test environment of every spec: zoneless Angular (like the app), and the browser APIs jsdom lacks.
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();

/** ngx-echarts observes its host's size; jsdom has no layout, so nothing ever resizes. */
class NoopResizeObserver implements ResizeObserver {
  observe(): void {
    // jsdom never lays out, so there is nothing to observe.
  }
  unobserve(): void {
    // Nothing was observed.
  }
  disconnect(): void {
    // Nothing was observed.
  }
}
globalThis.ResizeObserver = NoopResizeObserver;
