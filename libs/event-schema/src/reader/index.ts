// Browser-safe streaming readers: bytes in, accepted and rejected CloudTrail records out.
export {
  type AcceptVerdict,
  type CloudTrailLikeRecord,
  DEFAULT_MAX_RECORD_BYTES,
  judgeRecord,
  REJECT_REASONS,
  type RejectReason,
} from './accept';
export { type FormatOption, formatFromName, type InputFormat, sniffFormat } from './format';
export {
  type AcceptedRecord,
  type ReadBatch,
  type ReadOptions,
  readRecords,
  type RecordLocation,
  type RejectedRecord,
  type SkippedInput,
  type SkipReason,
} from './read-records';
export { addBatch, createReadStats, type ReadStats } from './read-stats';
export { type DocumentSkipReason, unwrap, type UnwrapSink } from './unwrap';
