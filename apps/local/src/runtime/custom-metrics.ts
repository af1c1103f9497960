import { readFile } from 'node:fs/promises';
import {
  compileCustomMetric,
  type CompiledCustomMetricDefinition,
  type CustomMetricDefinition,
  parseCustomMetricDefinitions,
} from '@trailpulse/analytics';
import { type MetricsStore } from '@trailpulse/metrics-store';
import { BackendInputError } from '../http';

/**
 * Measures that keep state across windows (first-seen keys, per-key error baselines) and anomaly
 * scores of custom metrics need the windows in event-time order, which `trailpulse analyze` does in
 * one pass; the runtime merges per-batch partials and does not run them yet.
 */
function unsupportedInRuntime(definition: CustomMetricDefinition): string | undefined {
  const measure = definition.measure as Readonly<Record<string, unknown>>;
  if (measure['errorRate'] !== undefined || measure['firstSeen'] !== undefined) {
    return 'errorRate and firstSeen metrics run in `trailpulse analyze`; the local runtime does not compute them yet';
  }
  if (definition.anomaly === true) return 'anomaly scores of custom metrics run in `trailpulse analyze`; the local runtime does not compute them yet';
  return undefined;
}

/**
 * The custom metrics in force: kept in the store (so they survive restarts), compiled once per
 * change. The first start seeds the store from a definitions file.
 */
export class CustomMetricsRegistry {
  private compiled: readonly CompiledCustomMetricDefinition[] = [];
  private definitions: readonly CustomMetricDefinition[] = [];

  constructor(private readonly store: MetricsStore) {}

  /** Loads the stored definitions; when there are none, stores the supported ones of `seedFile`. */
  async load(seedFile?: string): Promise<{ readonly seeded: readonly string[]; readonly skipped: readonly string[] }> {
    const stored = await this.store.listCustomMetrics();
    const seeded: string[] = [];
    const skipped: string[] = [];
    if (stored.metrics.length === 0 && seedFile !== undefined) {
      const text = await readFile(seedFile, 'utf8');
      for (const definition of parseCustomMetricDefinitions(text, seedFile)) {
        if (unsupportedInRuntime(definition) !== undefined) {
          skipped.push(definition.id);
          continue;
        }
        await this.store.putCustomMetric(definition);
        seeded.push(definition.id);
      }
    }
    this.set((await this.store.listCustomMetrics()).metrics.map((metric) => metric.definition));
    return { seeded, skipped };
  }

  list(): readonly CustomMetricDefinition[] {
    return this.definitions;
  }

  current(): readonly CompiledCustomMetricDefinition[] {
    return this.compiled;
  }

  /** @throws BackendInputError for a definition the runtime cannot compute. */
  async put(definition: CustomMetricDefinition): Promise<{ readonly created: boolean; readonly metric: CustomMetricDefinition }> {
    const reason = unsupportedInRuntime(definition);
    if (reason !== undefined) throw new BackendInputError(reason, [{ path: 'measure', message: reason }]);
    const created = !this.definitions.some((existing) => existing.id === definition.id);
    const stored = await this.store.putCustomMetric(definition);
    this.set([...this.definitions.filter((existing) => existing.id !== definition.id), stored.definition]);
    return { created, metric: stored.definition };
  }

  private set(definitions: readonly CustomMetricDefinition[]): void {
    this.definitions = [...definitions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.compiled = this.definitions.map((definition) => compileCustomMetric(definition));
  }
}
