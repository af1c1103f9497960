/**
 * Reads files, directories and standard input through the core reader, one source after the other.
 * Files are streamed (constant memory), gzip is decompressed on the fly, and whatever goes wrong while
 * reading one source (corrupt gzip, an I/O error) is reported in that source's last batch as a skip;
 * the next source is read as usual. Only a path that cannot be read at all fails, up front.
 */
import { createReadStream } from 'node:fs';
import { readRecords, type ReadBatch, type ReadOptions, type SkippedInput } from '../reader';
import { errorMessage, formatByteCount } from '../reader/describe';
import { gunzipIfCompressed } from './gunzip';
import { type InputEntry, resolveInputs, type ResolvedInputs } from './resolve-inputs';

/** Large reads: fewer chunks means fewer batches and async hand-overs on the hot path. */
const READ_CHUNK_BYTES = 256 * 1024;

export const STDIN_SOURCE = 'stdin';

export type SourceBatch = ReadBatch & { readonly source: string };

export interface ReadPathsOptions extends Omit<ReadOptions, 'source'> {
  /** Where `-` reads from (default: process.stdin). */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

/** Resolves `paths` (throwing InputPathError before reading if one cannot be read), then reads them. */
export async function* readPaths(paths: readonly string[], options: ReadPathsOptions = {}): AsyncIterable<SourceBatch> {
  yield* readInputs(await resolveInputs(paths), options);
}

/** Reads inputs already resolved (e.g. after showing their total size). */
export async function* readInputs(inputs: ResolvedInputs, options: ReadPathsOptions = {}): AsyncIterable<SourceBatch> {
  for (const entry of inputs.entries) {
    if (entry.kind === 'skip') yield skippedFileBatch(entry.path, entry.reason, entry.message);
    else yield* readSource(entry, options);
  }
}

async function* readSource(entry: Exclude<InputEntry, { kind: 'skip' }>, options: ReadPathsOptions): AsyncIterable<SourceBatch> {
  const source = entry.kind === 'stdin' ? STDIN_SOURCE : entry.path;
  const raw = entry.kind === 'stdin' ? (options.stdin ?? process.stdin) : createReadStream(entry.path, { highWaterMark: READ_CHUNK_BYTES });
  const counter = { bytes: 0 };
  let failure: SkippedInput | undefined;
  const chunks = endOnError(gunzipIfCompressed(countBytes(raw, counter)), (error) => {
    failure = readFailure(source, counter.bytes, error);
  });
  const { stdin: _stdin, ...readOptions } = options;
  for await (const batch of readRecords(chunks, { ...readOptions, source })) {
    // bytesRead counts the bytes of the file (compressed when gzipped), which is what progress is measured against.
    const skipped = batch.endOfSource && failure !== undefined ? [...batch.skipped, failure] : batch.skipped;
    yield { ...batch, skipped, bytesRead: counter.bytes, source };
  }
}

async function* countBytes(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.byteLength;
    yield chunk;
  }
}

/** Ends the chunks at the first error instead of throwing it, so the reader reports what it has read. */
async function* endOnError(chunks: AsyncIterable<Uint8Array>, onError: (error: unknown) => void): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    onError(error);
  }
}

function readFailure(source: string, bytesRead: number, error: unknown): SkippedInput {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const detail = errorMessage(error);
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return {
      reason: 'corrupt-gzip',
      message: `gzip data is corrupt (${detail}) within the first ${formatByteCount(bytesRead)} bytes; the records before it were kept`,
      location: { source },
    };
  }
  return { reason: 'unreadable', message: `reading stopped after ${formatByteCount(bytesRead)} bytes: ${detail}`, location: { source } };
}

function skippedFileBatch(path: string, reason: SkippedInput['reason'], message: string): SourceBatch {
  return { accepted: [], rejected: [], skipped: [{ reason, message, location: { source: path } }], bytesRead: 0, endOfSource: true, source: path };
}
