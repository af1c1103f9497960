// Public API of the AWS service catalog and activity classification.
export {
  type ActivityCategory,
  applyReadOnlyFlag,
  catalogCoverage,
  type CatalogCoverage,
  classifyByVerb,
  classifyOperation,
  lookupOperation,
  normalizeEventName,
} from './classify';
export { type CatalogOperation, type CatalogProvenance, type CatalogService } from './catalog-types';
export { catalogProvenance, catalogServices } from './service-catalog';
export { CatalogDecodeError, MAX_WORDS, operationGroupHeader, wordCode } from './catalog-encoding';
