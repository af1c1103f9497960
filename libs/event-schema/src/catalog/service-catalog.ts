// The decoded service catalog and its (eventSource, operation) index, built on first use so that
// importing the library costs nothing until a record is classified.

import { type CatalogOperation, type CatalogProvenance, type CatalogService } from './catalog-types';
import { decodeCatalog } from './catalog-encoding';
import { SERVICE_CATALOG } from './service-catalog.generated';

let services: readonly CatalogService[] | undefined;
let operationsByEventSource: ReadonlyMap<string, ReadonlyMap<string, CatalogOperation>> | undefined;

/** Upstream commits and input checksums of the generated catalog. */
export function catalogProvenance(): CatalogProvenance {
  return SERVICE_CATALOG.provenance;
}

/** Every service of the catalog, sorted by id. */
export function catalogServices(): readonly CatalogService[] {
  services ??= decodeCatalog(SERVICE_CATALOG);
  return services;
}

/**
 * How well an entry answers for an event source, lower is better. Services sharing an event
 * source (rds/docdb/neptune, the bedrock family, elb/elbv2, ...) often define the same operation:
 * an entry reached through the service's main event source beats one reached through its
 * alternative, then the service named after the event source (`rds` for `rds.amazonaws.com`)
 * beats the others, then model evidence beats none. On a tie the first service by id wins.
 */
function entryRank(operation: CatalogOperation, eventSource: string, viaMainEventSource: boolean): number {
  const namedAfterSource = eventSource.startsWith(`${operation.serviceId}.`);
  return (viaMainEventSource ? 0 : 4) + (namedAfterSource ? 0 : 2) + (operation.readOnly === null ? 1 : 0);
}

interface RankedOperation {
  readonly operation: CatalogOperation;
  readonly rank: number;
}

function buildIndex(): Map<string, Map<string, CatalogOperation>> {
  const ranked = new Map<string, Map<string, RankedOperation>>();
  for (const service of catalogServices()) {
    service.eventSources.forEach((eventSource, position) => {
      let operations = ranked.get(eventSource);
      if (operations === undefined) {
        operations = new Map();
        ranked.set(eventSource, operations);
      }
      for (const operation of service.operations) {
        const rank = entryRank(operation, eventSource, position === 0);
        const current = operations.get(operation.name);
        if (current === undefined || rank < current.rank) operations.set(operation.name, { operation, rank });
      }
    });
  }
  const index = new Map<string, Map<string, CatalogOperation>>();
  for (const [eventSource, operations] of ranked) {
    index.set(eventSource, new Map([...operations].map(([name, entry]) => [name, entry.operation])));
  }
  return index;
}

/** The catalog entry for an exact event source and SDK operation name, if any. */
export function findCatalogOperation(eventSource: string, operationName: string): CatalogOperation | undefined {
  operationsByEventSource ??= buildIndex();
  return operationsByEventSource.get(eventSource)?.get(operationName);
}
