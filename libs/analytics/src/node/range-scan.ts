/** Feeds a byte range of a file to an NDJSON facts reader, reading the next chunk while the current one is scanned. */
import { open } from 'node:fs/promises';
import { type NdjsonFactsReader } from '../scan/ndjson-facts';
import { type ByteRange } from './worker-protocol';

/** Read size: large enough that a read costs little next to scanning it, small enough to stay in cache. */
const READ_CHUNK_BYTES = 1 << 20;

/**
 * Scans `range` into `reader` and ends it. Two buffers alternate: while one chunk is scanned the
 * next is already being read by the thread pool, so I/O and scanning overlap.
 */
export async function scanRange(range: ByteRange, reader: NdjsonFactsReader, afterChunk?: () => void): Promise<void> {
  const file = await open(range.path, 'r');
  try {
    const buffers = [new Uint8Array(READ_CHUNK_BYTES), new Uint8Array(READ_CHUNK_BYTES)] as const;
    let position = range.start;
    let turn = 0;
    const readNext = (buffer: Uint8Array) => file.read(buffer, 0, Math.min(READ_CHUNK_BYTES, range.end - position), position);
    let pending = position < range.end ? readNext(buffers[0]) : undefined;
    while (pending !== undefined) {
      const { bytesRead, buffer } = await pending;
      position += bytesRead;
      turn = 1 - turn;
      // A file that shrank since it was planned ends here, as reading it to its end would.
      pending = bytesRead > 0 && position < range.end ? readNext(buffers[turn] as Uint8Array) : undefined;
      if (bytesRead === 0) break;
      reader.push(buffer.subarray(0, bytesRead));
      afterChunk?.();
    }
  } finally {
    await file.close();
  }
  reader.end();
}
