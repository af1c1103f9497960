// Public API of the declarative custom metrics (see ./README.md). The engine uses only
// CompiledCustomMetric / CustomAccumulator; the CLI, the API and the dashboard parse, validate and
// describe definitions with the rest.
export { type CompiledCustomMetric, type CustomAccumulator, type CustomSeries, type SeriesEmission } from './custom-metric';
export {
  type CustomMetricDefinition,
  type CustomMetricDefinitionInput,
  customMetricDefinitionSchema,
  customMetricFileSchema,
  customMetricListSchema,
  DERIVED_KEYS,
  type DerivedKey,
  type ErrorRateMeasure,
  type FirstSeenMeasure,
  type FieldCondition,
  type FieldPath,
  type FilterCondition,
  isMetricId,
  type MeasureDefinition,
  type ScalarValue,
  type TopKMeasure,
} from './definition-schema';
export { CustomMetricDefinitionError, type DefinitionProblem } from './definition-error';
export { CustomMetricStateError } from './state-error';
export { parseCustomMetricDefinitions, validateCustomMetricDefinitions } from './parse-definitions';
export { type SourceLocator } from './source-locator';
export { compileCustomMetric, type CompiledCustomMetricDefinition } from './compile';
export { readsSameFromProjection, wholeRecordGate, wholeRecordNeeded } from './projection-gate';
export { type DistinctCount } from './distinct-counter';
export { HLL_RELATIVE_STANDARD_ERROR } from './hyperloglog';
export { SNAPSHOT_FORMAT } from './snapshot-schema';
export { type ErrorRateSpike, type ErrorRateValue } from './error-rate-series';
export { type FirstSeenValue } from './first-seen-series';
export { ipPrefix } from './ip-prefix';
export { SERIES_SNAPSHOT_FORMAT } from './series-snapshot-schema';
