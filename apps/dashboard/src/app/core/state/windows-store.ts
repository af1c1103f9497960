import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type LiveAnomalyMessage, type LiveEventMessage, type MetricsFilters, type MetricsWindow } from '@trailpulse/api-contract';
import { type Subscription } from 'rxjs';
import { RuntimeConfigService } from '../config/runtime-config.service';
import { type ConnectionState } from '../metrics/connection-state';
import { MetricsSource } from '../metrics/metrics-source';
import { SCHEDULER, type TimerHandle } from '../time/scheduler';
import { chooseResolution, RangeTooLongError, rangeDurationMs, resolveRange, type Resolution } from './time-range';
import { ViewStateService } from './view-state.service';
import { apiFiltersOf } from './view-state';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** Anomaly messages kept for the anomaly list (the newest). */
const MAX_ANOMALY_MESSAGES = 500;

/**
 * The windows of the current view: loaded over HTTP when the view changes, then kept current by
 * the live stream (windows are merged in place, so charts update without a reload), or by polling
 * while the stream is down. A relative range slides forward as windows arrive.
 */
@Injectable()
export class WindowsStore {
  private readonly source = inject(MetricsSource);
  private readonly scheduler = inject(SCHEDULER);
  private readonly config = inject(RuntimeConfigService).config;
  private readonly viewState = inject(ViewStateService);

  private readonly byStart = signal<ReadonlyMap<number, MetricsWindow>>(new Map());
  private request: Subscription | null = null;
  private pollTimer: TimerHandle | null = null;
  private refetches = new Set<number>();
  private wasDown = false;

  readonly view = this.viewState.state;
  readonly resolution = computed<Resolution | null>(() => {
    try {
      return chooseResolution(rangeDurationMs(this.view().range), this.config.windowSeconds);
    } catch (error) {
      if (error instanceof RangeTooLongError) return null;
      throw error;
    }
  });
  /** Why the range cannot be shown, when it cannot. */
  readonly rangeProblem = computed(() => {
    try {
      chooseResolution(rangeDurationMs(this.view().range), this.config.windowSeconds);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
  readonly range = signal<{ readonly fromMs: number; readonly toMs: number } | null>(null);
  readonly status = signal<LoadStatus>('loading');
  readonly error = signal<unknown>(null);
  readonly lastUpdateMs = signal<number | null>(null);
  readonly polling = signal(false);
  readonly connection = this.source.connection;
  readonly anomalyMessages = signal<readonly LiveAnomalyMessage[]>([]);

  /** The windows of the range, sorted by start. */
  readonly windows = computed(() => {
    const range = this.range();
    if (range === null) return [];
    return [...this.byStart().entries()]
      .filter(([start]) => start >= range.fromMs && start < range.toMs)
      .sort(([a], [b]) => a - b)
      .map(([, window]) => window);
  });

  constructor() {
    effect(() => {
      const view = this.view();
      const resolution = this.resolution();
      untracked(() => this.reload(apiFiltersOf(view), resolution));
    });
    effect(() => {
      const connection = this.source.connection();
      untracked(() => this.onConnection(connection));
    });
    this.source.liveMessages.pipe(takeUntilDestroyed()).subscribe((message) => this.onLive(message));
    this.source.connect();
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.stopPolling();
      this.source.disconnect();
    });
  }

  /** Loads the view again (the "Retry" of error states). */
  retry(): void {
    this.reload(apiFiltersOf(this.view()), this.resolution());
  }

  private reload(filters: MetricsFilters, resolution: Resolution | null): void {
    this.request?.unsubscribe();
    this.refetches.clear();
    if (resolution === null) {
      this.range.set(null);
      this.status.set('error');
      this.error.set(new RangeTooLongError(this.rangeProblem() ?? 'range too long'));
      return;
    }
    const range = resolveRange(this.view().range, this.scheduler.now(), resolution);
    this.range.set(range);
    this.status.set('loading');
    this.error.set(null);
    this.request = this.source.queryMetrics({ ...range, windowSeconds: resolution.windowSeconds, filters }).subscribe({
      next: (response) => {
        this.byStart.set(new Map(response.windows.map((window) => [Date.parse(window.start), window])));
        this.status.set('ready');
        this.lastUpdateMs.set(this.scheduler.now());
      },
      error: (error: unknown) => {
        this.byStart.set(new Map());
        this.error.set(error);
        this.status.set('error');
      },
    });
  }

  private onLive(message: LiveEventMessage): void {
    const resolution = this.resolution();
    if (resolution === null || message.windowSeconds !== resolution.windowSeconds) return;
    if (message.type === 'anomaly') {
      this.anomalyMessages.update((list) => [...list, message].slice(-MAX_ANOMALY_MESSAGES));
      return;
    }
    const startMs = Date.parse(message.window.start);
    if (!this.accepts(startMs, resolution)) return;
    if (Object.keys(apiFiltersOf(this.view())).length > 0) {
      // Live windows are unfiltered: ask for this window again with the view's filters.
      this.refetch(startMs, Date.parse(message.window.end), resolution);
      return;
    }
    this.merge([message.window], resolution);
  }

  /** Whether a window starting at `startMs` belongs to the view (a relative range slides to take new ones). */
  private accepts(startMs: number, resolution: Resolution): boolean {
    const range = this.range();
    if (range === null) return false;
    if (this.view().range.kind === 'relative') return startMs >= range.fromMs - resolution.windowSeconds * 1000;
    return startMs >= range.fromMs && startMs < range.toMs;
  }

  /** A relative range moves forward to `nowMs` (never back); the windows that fell out are dropped by merge. */
  private slide(nowMs: number, resolution: Resolution): void {
    if (this.view().range.kind !== 'relative') return;
    const slid = resolveRange(this.view().range, nowMs, resolution);
    const current = this.range();
    if (current === null || slid.toMs > current.toMs) this.range.set(slid);
  }

  private merge(windows: readonly MetricsWindow[], resolution: Resolution): void {
    if (windows.length === 0) return;
    const latestEnd = Math.max(...windows.map((window) => Date.parse(window.end)));
    this.slide(Math.max(this.scheduler.now(), latestEnd - 1), resolution);
    const fromMs = this.range()?.fromMs ?? 0;
    this.byStart.update((previous) => {
      const next = new Map([...previous].filter(([start]) => start >= fromMs));
      for (const window of windows) next.set(Date.parse(window.start), window);
      return next;
    });
    this.lastUpdateMs.set(this.scheduler.now());
  }

  private refetch(startMs: number, endMs: number, resolution: Resolution): void {
    if (this.refetches.has(startMs)) return;
    this.refetches.add(startMs);
    this.source.queryMetrics({ fromMs: startMs, toMs: endMs, windowSeconds: resolution.windowSeconds, filters: apiFiltersOf(this.view()) }).subscribe({
      next: (response) => {
        this.refetches.delete(startMs);
        this.merge(response.windows, resolution);
      },
      error: () => this.refetches.delete(startMs),
    });
  }

  private onConnection(connection: ConnectionState): void {
    if (connection.status === 'open') {
      this.stopPolling();
      if (this.wasDown) this.catchUp();
      this.wasDown = false;
    } else if (connection.status === 'reconnecting' || connection.status === 'stopped') {
      this.wasDown = true;
      this.startPolling();
    }
  }

  private startPolling(): void {
    if (this.pollTimer !== null) return;
    this.polling.set(true);
    this.pollTimer = this.scheduler.setTimeout(() => {
      this.pollTimer = null;
      this.catchUp();
      this.startPolling();
    }, this.config.pollIntervalSeconds * 1000);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) this.scheduler.clearTimeout(this.pollTimer);
    this.pollTimer = null;
    this.polling.set(false);
  }

  /** Fetches what the live stream may have missed: from the latest window held up to now. */
  private catchUp(): void {
    const resolution = this.resolution();
    const range = this.range();
    if (resolution === null || range === null || this.status() === 'loading') return;
    const now = this.scheduler.now();
    const toMs = this.view().range.kind === 'relative' ? resolveRange(this.view().range, now, resolution).toMs : range.toMs;
    const starts = [...this.byStart().keys()];
    const fromMs = starts.length === 0 ? range.fromMs : Math.max(...starts);
    if (fromMs >= toMs) return;
    this.source.queryMetrics({ fromMs, toMs, windowSeconds: resolution.windowSeconds, filters: apiFiltersOf(this.view()) }).subscribe({
      next: (response) => {
        this.slide(this.scheduler.now(), resolution);
        this.merge(response.windows, resolution);
        this.lastUpdateMs.set(this.scheduler.now());
      },
      error: () => {
        // Polling keeps trying; the connection pill already says the data may lag.
      },
    });
  }
}
