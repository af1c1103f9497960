import { createHash } from 'node:crypto';
import { type CompiledCustomMetricDefinition, type CustomMetricDefinition } from '@trailpulse/analytics';
import { StoreInputError } from '../errors';

/**
 * Identifies a custom metric definition: the hash of its normalized JSON, which is how the engine
 * decides two accumulators may merge (compile.ts). States stored with another fingerprint came
 * from an older definition of the same id.
 */
export function definitionFingerprint(definition: CustomMetricDefinition): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16);
}

export interface CatalogEntry {
  readonly metric: CompiledCustomMetricDefinition;
  readonly fp: string;
}

/** The compiled custom metrics a writer or a query knows, by id. */
export type CustomCatalog = ReadonlyMap<string, CatalogEntry>;

/** @throws StoreInputError when an id appears twice. */
export function customCatalog(metrics: readonly CompiledCustomMetricDefinition[] = []): CustomCatalog {
  const catalog = new Map<string, CatalogEntry>();
  for (const metric of metrics) {
    if (catalog.has(metric.id)) throw new StoreInputError(`custom metric "${metric.id}" is given twice`);
    catalog.set(metric.id, { metric, fp: definitionFingerprint(metric.definition) });
  }
  return catalog;
}
