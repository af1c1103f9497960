// The projection scanner and the fast NDJSON path (browser-safe).
export { analyzeNdjson, type AnalyzeNdjsonOptions } from './analyze-ndjson';
export { type FactsConsumer, NdjsonFactsReader, type NdjsonFactsOptions, type NdjsonRejection } from './ndjson-facts';
export { CallFactsScanner, scanCallFacts, type ScanVerdict } from './scan-call-facts';
