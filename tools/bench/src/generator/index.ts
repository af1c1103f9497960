// The deterministic CloudTrail trail generator of the benchmarks.
export { CloudTrailRecordGenerator } from './record-generator';
export { DEFAULT_GENERATOR_OPTIONS, GENERATOR_VERSION, type GeneratorOptions, GeneratorOptionsError, resolveGeneratorOptions } from './generator-options';
export { type GenerateProgress, type GenerateSummary, GenerateWriteError, writeNdjson } from './write-ndjson';
