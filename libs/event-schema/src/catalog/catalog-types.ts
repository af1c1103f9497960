import { type ActivityCategory } from './verb-rules';

/** One API operation of one service, as the catalog knows it. */
export interface CatalogOperation {
  readonly serviceId: string;
  /** SDK operation name, e.g. `RunInstances`. */
  readonly name: string;
  /** Read-only evidence from the API models; `null` when the models do not say. */
  readonly readOnly: boolean | null;
  /** Category from the read-only evidence, or from the verb rules where there is none. */
  readonly category: ActivityCategory;
}

/** One AWS service (botocore client / Smithy model). */
export interface CatalogService {
  /** botocore client name, e.g. `ec2`, `acm-pca`. */
  readonly id: string;
  readonly fullName: string;
  /** CloudTrail `eventSource` values that may carry its calls, the most likely first. */
  readonly eventSources: readonly string[];
  readonly operations: readonly CatalogOperation[];
}

/**
 * A service as stored in `service-catalog.generated.ts`: id, full name, event sources separated
 * by spaces, and the operations encoded as described in README.md ("Encoding").
 */
export type EncodedServiceRow = readonly [id: string, fullName: string, eventSources: string, operations: string];

/** Where the generated catalog came from. */
export interface CatalogProvenance {
  readonly botocoreCommit: string;
  readonly apiModelsAwsCommit: string;
  readonly operationsCsvSha256: string;
  readonly servicesCsvSha256: string;
}

/** The whole generated catalog. */
export interface EncodedCatalog {
  readonly provenance: CatalogProvenance;
  /** Every word of every operation name, separated by spaces; operations refer to them by index. */
  readonly words: string;
  readonly services: readonly EncodedServiceRow[];
}
