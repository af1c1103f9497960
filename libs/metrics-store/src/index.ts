// Public API of @trailpulse/metrics-store: the DynamoDB table design for window partials
// (README.md), one code path for the cloud (Lambda) and the local runtime (embedded dynalite).
// Node-only (gzip, crypto, the AWS SDK).
export * from './errors';
export { DEFAULT_RETENTION_SECONDS, expiresAtFor, type RetentionTiers } from './config/retention';
export {
  DEFAULT_CHUNK_BYTES,
  DEFAULT_INLINE_BODY_MAX_BYTES,
  DEFAULT_MAX_SOURCES_PER_ROW,
  type StoreOptions,
  type StoreScheduler,
} from './config/store-options';
export {
  METRICS_TABLE_ATTRIBUTE_DEFINITIONS,
  METRICS_TABLE_BILLING_MODE,
  METRICS_TABLE_KEY_SCHEMA,
  metricsTableDefinition,
  TTL_ATTRIBUTE,
} from './table/table-definition';
export { createMetricsTable, type CreateTableOptions, type CreateTableResult } from './table/create-table';
export { ALL, type SeriesId, seriesPartitionKey, startSortKey, type TableKey, windowKey } from './table/keys';
export { type BatchId, type BatchSequence, encodeSequence } from './batch/sequence';
export { type SeriesDimensions, seriesOf, seriesOfDimensions } from './batch/series';
export { batchPartials, type BatchPartialsOptions } from './batch/batch-partials';
export { type MergeBatchInput, type MergeBatchResult, type RowKinds, type SeriesEngineTransfer, type SeriesPartial } from './write/merge-batch';
export { type AnomalyScoreInput } from './write/anomaly-score';
export { type Checkpoint } from './checkpoint/checkpoints';
export { type CustomMetricList, type StoredCustomMetric } from './custom/custom-definitions';
export { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT, type QueryWindowsInput, type QueryWindowsResult } from './query/query-windows';
export { definitionFingerprint } from './merge/custom-catalog';
export { createMetricsStore, type MetricsStore, type MetricsStoreConfig } from './store';
export { createLocalDynamoClient } from './local/local-client';
export { type LocalDynamo, type LocalDynamoOptions, startLocalDynamo } from './local/start-local-dynamo';
export { eventLoopSlices } from './util/yield-slices';
