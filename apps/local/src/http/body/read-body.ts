import { type IncomingMessage } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { formatByteCount } from '@trailpulse/event-schema';
import { HttpError } from '../http-error';
import { type ContentEncoding } from './content-type';

export interface ReadBodyOptions {
  readonly maxBytes: number;
  readonly encoding: ContentEncoding;
}

/**
 * The request body (decompressed), refused with 413 as soon as it is known to be too large:
 * from Content-Length before reading anything, else while streaming, and for gzip on the
 * decompressed bytes as they come out, so that a small gzip bomb is stopped after `maxBytes` of
 * output rather than inflated in full. The rest of a refused body is never read.
 */
export async function readBody(request: IncomingMessage, options: ReadBodyOptions): Promise<Uint8Array[]> {
  const { maxBytes } = options;
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(`the body is ${formatByteCount(declared)} bytes`, maxBytes);
  // Not destroyed on an early stop: destroying a request destroys its socket, and the 413 must still go out.
  const raw = limited(request.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>, maxBytes, 'the body');
  const bytes = options.encoding === 'gzip' ? limited(gunzip(raw), maxBytes, 'the decompressed body') : raw;
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  return chunks;
}

export function concatenate(chunks: readonly Uint8Array[]): Buffer {
  return Buffer.concat(chunks);
}

async function* limited(source: AsyncIterable<Uint8Array>, maxBytes: number, what: string): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    // Returning from here ends the for-await above, which stops reading the source.
    if (total > maxBytes) throw tooLarge(`${what} exceeds the limit`, maxBytes);
    yield chunk;
  }
}

async function* gunzip(raw: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  // pipeline destroys both streams on the first error, so iterating the gunzip stream throws it.
  const inflated = pipeline(Readable.from(raw, { objectMode: false }), createGunzip(), () => undefined);
  try {
    for await (const chunk of inflated) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new HttpError('bad-request', 'the body is not valid gzip (Content-Encoding: gzip)', { cause: error, closeConnection: true });
    }
    throw error;
  }
}

function tooLarge(what: string, maxBytes: number): HttpError {
  return new HttpError('payload-too-large', `${what}: at most ${formatByteCount(maxBytes)} bytes are accepted per request`, { closeConnection: true });
}

/** A JSON body of a small route, parsed; invalid JSON is a 400. */
export async function readJsonBody(request: IncomingMessage, options: ReadBodyOptions): Promise<unknown> {
  const text = concatenate(await readBody(request, options)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError('bad-request', `the body is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
