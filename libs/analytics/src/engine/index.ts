// Public API of the analytics engine core (re-exported by src/index.ts).
export { analyzeBatches, type AnalyzeOptions } from './analyze';
export { createEngine, type Engine, type EngineTransfer } from './engine';
export { EngineOptionsError, EngineStateError } from './engine-errors';
export { type Clock, DEFAULT_REVISION_HORIZON_MS, DEFAULT_TOP_K, type EngineOptions } from './engine-options';
export { ENGINE_SNAPSHOT_VERSION, type EngineSnapshot, type EngineWindowSnapshot, READABLE_ENGINE_SNAPSHOT_VERSIONS } from './engine-snapshot';
export { type CustomSeriesSnapshot, type CustomWindowMemo } from './custom-series-runner';
export * from '../window';
export * from '../sketch';
export * from '../state';
