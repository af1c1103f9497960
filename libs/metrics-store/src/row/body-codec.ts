import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { STORED_WINDOW_FORMAT, type StoredWindow, storedWindowSchema } from './stored-window';

export type BodyEncoding = 'json' | 'gzip';

export interface EncodedBody {
  readonly encoding: BodyEncoding;
  readonly bytes: Uint8Array;
}

/** A body that is not a stored window: the caller names the row (CorruptRowError). */
export class BodyDecodeError extends Error {
  override readonly name = 'BodyDecodeError';
}

/** zlib's default: the cloud pays DynamoDB by the KB written. */
export const DEFAULT_GZIP_LEVEL = 6;

/**
 * JSON, gzip-compressed at `level` when larger than `gzipAboveBytes`.
 *
 * Why zlib's sync calls (here and in decodeBody): a body is at most a few hundred KB, milliseconds
 * to (de)compress, while the async calls queue on libuv's thread pool, which every thread of the
 * process shares with LevelDB, file writes and each other's gzip jobs. In the local runtime at full
 * ingest rate a window's read waited 1 to 2 s there behind a bulk merge's hundreds of gzip jobs,
 * and the window reached the WebSocket that much later (measured: decode 750 to 1,760 ms queued,
 * 15 to 40 ms idle).
 */
export async function encodeBody(stored: StoredWindow, gzipAboveBytes: number, level = DEFAULT_GZIP_LEVEL): Promise<EncodedBody> {
  const json = Buffer.from(JSON.stringify({ format: STORED_WINDOW_FORMAT, partial: stored.partial, custom: stored.custom }), 'utf8');
  if (json.length <= gzipAboveBytes) return { encoding: 'json', bytes: json };
  return { encoding: 'gzip', bytes: gzipSync(json, { level }) };
}

/** @throws BodyDecodeError with the underlying cause. */
export async function decodeBody(body: EncodedBody): Promise<StoredWindow> {
  let text: string;
  try {
    const bytes = body.encoding === 'gzip' ? gunzipSync(body.bytes) : body.bytes;
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } catch (error) {
    throw new BodyDecodeError(`body does not decompress (${body.encoding})`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BodyDecodeError('body is not JSON', { cause: error });
  }
  const parsed = storedWindowSchema.safeParse(value);
  if (!parsed.success) throw new BodyDecodeError(`body is not a stored window:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data as unknown as StoredWindow;
}

/** Short content hash: chunked bodies carry it so that a missing or foreign chunk is detected. */
export function bodyDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
