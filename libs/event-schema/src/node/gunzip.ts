/** Gzip is recognised by its magic bytes, not by the file name: `.json.gz` may be plain and `.json` gzipped. */
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * The chunks decompressed when they start like gzip (concatenated gzip members included), as they are
 * otherwise. Streaming: memory stays at a chunk or two whatever the size. A corrupt stream ends with the
 * zlib error (its `code` starts with "Z_").
 */
export async function* gunzipIfCompressed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < GZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
    headBytes += next.value.byteLength;
  }
  const all = continueAfter(head, iterator);
  if (!startsWithGzipMagic(head)) {
    yield* all;
    return;
  }
  // pipeline destroys every stream with the first error, so iterating the gunzip stream throws it.
  const gunzip = pipeline(Readable.from(all, { objectMode: false }), createGunzip(), () => undefined);
  for await (const chunk of gunzip) yield chunk as Uint8Array;
}

async function* continueAfter(head: readonly Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  // Delegating (rather than looping on next()) passes an early stop on to the source, which closes it.
  yield* { [Symbol.asyncIterator]: () => rest };
}

function startsWithGzipMagic(head: readonly Uint8Array[]): boolean {
  const bytes = head.flatMap((chunk) => [...chunk.subarray(0, GZIP_MAGIC.length)]);
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}
