import { catalogServices } from './service-catalog';
import { type ActivityCategory } from './verb-rules';

/** How much of the catalog the read-only evidence and verb rules manage to classify. */
export interface CatalogCoverage {
  readonly services: number;
  readonly operations: number;
  /** Ids of the services none of whose operations is `other`, sorted. */
  readonly fullyClassifiedServices: readonly string[];
  /** Operations per category, counted per service (an operation two services share counts twice). */
  readonly byCategory: Readonly<Record<ActivityCategory, number>>;
}

let coverage: CatalogCoverage | undefined;

function measureCoverage(): CatalogCoverage {
  const byCategory: Record<ActivityCategory, number> = { create: 0, modify: 0, delete: 0, read: 0, other: 0 };
  const fullyClassifiedServices: string[] = [];
  let operations = 0;
  const services = catalogServices();
  for (const service of services) {
    let unclassified = 0;
    for (const operation of service.operations) {
      byCategory[operation.category] += 1;
      if (operation.category === 'other') unclassified += 1;
    }
    operations += service.operations.length;
    if (unclassified === 0) fullyClassifiedServices.push(service.id);
  }
  return { services: services.length, operations, fullyClassifiedServices, byCategory };
}

/** Coverage numbers of the catalog (computed once). */
export function catalogCoverage(): CatalogCoverage {
  coverage ??= measureCoverage();
  return coverage;
}
