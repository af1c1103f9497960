import { Injectable, inject, signal } from '@angular/core';
import { type CustomMetricDefinition } from '@trailpulse/api-contract';
import { firstValueFrom } from 'rxjs';
import { MetricsSource } from '../metrics/metrics-source';

/** The custom metric definitions (one widget each on the overview; edited on their own page). */
@Injectable()
export class CustomMetricsStore {
  private readonly source = inject(MetricsSource);
  readonly definitions = signal<readonly CustomMetricDefinition[]>([]);
  readonly error = signal<unknown>(null);
  readonly loaded = signal(false);

  constructor() {
    void this.reload();
  }

  async reload(): Promise<void> {
    try {
      const response = await firstValueFrom(this.source.listCustomMetrics());
      this.definitions.set([...response.metrics].sort((a, b) => (a.id < b.id ? -1 : 1)));
      this.error.set(null);
    } catch (error) {
      this.error.set(error);
    } finally {
      this.loaded.set(true);
    }
  }

  /** Saves a definition; rejects with the ApiError (and its problems) when the API refuses it. */
  async save(id: string, definition: unknown): Promise<{ created: boolean }> {
    const response = await firstValueFrom(this.source.putCustomMetric(id, definition));
    this.definitions.update((list) => [...list.filter((metric) => metric.id !== id), response.metric].sort((a, b) => (a.id < b.id ? -1 : 1)));
    return { created: response.created };
  }
}
