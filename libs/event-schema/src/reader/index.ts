// Browser-safe streaming readers: bytes in, accepted and rejected CloudTrail records out.
// The small helpers (describeKind … utf8ByteLength) are exported too, so that another reader of the
// same input (analytics' NDJSON fast path) counts, measures and words rejections exactly as these do.
export {
  type AcceptVerdict,
  type CloudTrailLikeRecord,
  DEFAULT_MAX_RECORD_BYTES,
  judgeRecord,
  REJECT_REASONS,
  type RejectReason,
} from './accept';
export { describeKind, errorMessage, formatByteCount } from './describe';
export { type FormatOption, formatFromName, type InputFormat, sniffFormat } from './format';
export { endsInsideValue } from './json-balance';
export { concatBytes } from './json-bytes';
export {
  type AcceptedRecord,
  DEFAULT_MAX_TEXT_BYTES,
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
export { utf8ByteLength } from './utf8';
