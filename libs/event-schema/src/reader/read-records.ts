/**
 * The streaming reader: bytes of one source in, batches of accepted and rejected records out.
 * Browser-safe (Uint8Array, TextDecoder only); the Node adapters in ../node feed it files, gzip and stdin.
 */
import { type CloudTrailLikeRecord, DEFAULT_MAX_RECORD_BYTES, type RejectReason } from './accept';
import { type FormatOption, FormatDetector, type InputFormat } from './format';
import { JsonSplitter } from './json-splitter';
import { NdjsonSplitter } from './ndjson';
import { RecordCollector, type RecordLimits } from './record-collector';
import { type TextSink, type TextSplitter } from './text-sink';
import { type DocumentSkipReason } from './unwrap';

export interface RecordLocation {
  readonly source: string;
  /** 1-based line where the record's text starts. */
  readonly line?: number;
  /** 0-based position among all records read from the source, accepted or rejected. */
  readonly index?: number;
  /** Where inside the text the record was found: "Records[3]", "[12].detail", "logEvents[0].message". */
  readonly path?: string;
}

export interface AcceptedRecord {
  readonly record: CloudTrailLikeRecord;
  readonly eventTimeMs: number;
  /** UTF-8 bytes of the record's JSON (see record-collector.ts for how records inside containers are measured). */
  readonly sizeBytes: number;
  readonly location: RecordLocation;
}

export interface RejectedRecord {
  readonly reason: RejectReason;
  readonly message: string;
  readonly location: RecordLocation;
}

/** Input deliberately not read as records: whole files (Node adapters) or documents inside them. */
export type SkipReason = DocumentSkipReason | 'unsupported-extension' | 'corrupt-gzip' | 'unreadable';

export interface SkippedInput {
  readonly reason: SkipReason;
  readonly message: string;
  readonly location: RecordLocation;
}

export interface ReadBatch {
  readonly accepted: AcceptedRecord[];
  readonly rejected: RejectedRecord[];
  /** Skipped documents (digest files, CloudWatch Logs control messages); they are not records. */
  readonly skipped: SkippedInput[];
  /** Cumulative raw bytes consumed of this source. */
  readonly bytesRead: number;
  /** The last batch of its source: every source ends with exactly one. */
  readonly endOfSource: boolean;
}

export interface ReadOptions {
  /** Names the source in every location, and its extension decides the format under 'auto'. */
  readonly source: string;
  readonly format?: FormatOption;
  /** Largest record accepted (default 262,144 bytes, the spec's too-large limit). */
  readonly maxRecordBytes?: number;
  /**
   * Largest single text buffered: a line or value that may hold several records (the Records of one
   * NDJSON line, a CloudWatch Logs batch). Default 1 MiB, the largest Kinesis / Firehose record, and never
   * less than maxRecordBytes. Longer texts are skipped unbuffered and rejected as too-large.
   */
  readonly maxTextBytes?: number;
}

/** Default of ReadOptions.maxTextBytes: 1 MiB. */
export const DEFAULT_MAX_TEXT_BYTES = 1_048_576;

/**
 * Reads one source. Yields one batch per input chunk (split at about 1000 records) and a last batch with
 * `endOfSource`. Bad input becomes rejections with a reason and a location, never an exception; only an
 * error thrown by `chunks` itself propagates.
 */
export async function* readRecords(chunks: AsyncIterable<Uint8Array>, options: ReadOptions): AsyncIterable<ReadBatch> {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const limits: RecordLimits = { maxRecordBytes, maxTextBytes: Math.max(maxRecordBytes, options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES) };
  const collector = new RecordCollector(options.source, limits);
  const detector = new FormatDetector(options.format ?? 'auto', options.source);
  let splitter: TextSplitter | undefined;
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    if (splitter !== undefined) {
      splitter.push(chunk);
    } else {
      const head = detector.push(chunk);
      if (head !== undefined) splitter = startSplitter(head.format, head.chunks, collector, limits);
    }
    yield* collector.takeBatches(bytesRead, false);
  }
  if (splitter === undefined) {
    const head = detector.finish();
    splitter = startSplitter(head.format, head.chunks, collector, limits);
  }
  splitter.end();
  yield* collector.takeBatches(bytesRead, true);
}

function startSplitter(format: InputFormat, head: readonly Uint8Array[], sink: TextSink, limits: RecordLimits): TextSplitter {
  const splitter = format === 'ndjson' ? new NdjsonSplitter(sink, limits.maxTextBytes) : new JsonSplitter(sink, limits.maxTextBytes);
  for (const chunk of head) splitter.push(chunk);
  return splitter;
}
