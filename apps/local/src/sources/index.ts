// Event sources of the local runtime: demo traffic, replay, watched folder and HTTP ingest, behind one
// Source interface with checkpointable positions (see source.ts and README.md).
export { type CheckpointStore, type Source, type SourceBatch, type SourceCheckpoint, type SourcePosition, type StartOptions, startFromCheckpoint } from './source';
export { parseScanned, type ScannedRecord, scannedText } from './scanned-record';
export { type Clock, isAborted, type Scheduler, systemScheduler } from './scheduler';
export { SourcePositionError } from './source-errors';
export { mergeSources } from './merge-sources';
export { createSources, type CreatedSources } from './create-sources';
export { parseSourceOptions, type SourceArgs, SourceArgsSchema, SourceOptionsError, type SourcePlan } from './options/source-options';
export { DEFAULT_DEMO_SEED, DemoOptionsError, DemoSource, type DemoSourceOptions } from './demo/demo-source';
export { DEFAULT_INCIDENT_PERIOD_MS, DEMO_INCIDENTS, type DemoIncident, type IncidentId, type IncidentOccurrence, incidentOccurrences } from './demo/incident-schedule';
export { DEFAULT_DEMO_EVENTS_PER_SECOND, demoRateBounds, MAX_DEMO_EVENTS_PER_SECOND } from './demo/rate';
export { ReplaySource, type ReplaySourceOptions } from './replay/replay-source';
export { formatReplaySpeed, MAX_SPEED, parseReplaySpeed, type ReplaySpeed, ReplaySpeedError } from './replay/replay-speed';
export { DEFAULT_WATCH_POLL_INTERVAL_MS, WatchDirectoryError, WatchSource, type WatchSourceOptions } from './watch/watch-source';
export { DEFAULT_MAX_QUEUED_BATCHES, INGEST_SOURCE_ID, IngestQueueFullError, type ParsedBody, type PushedBody, PushSource, type PushSourceOptions } from './push/push-source';
export { IngestJournal, JournalError, type JournalFormat } from './push/ingest-journal';
export { DEFAULT_MAX_BATCH_EVENT_SPAN_MS, DEFAULT_MAX_BATCH_RECORDS } from './files/file-batcher';
