/** Cuts NDJSON files into byte ranges that start and end at line boundaries, for parallel scanning. */
import { type FileHandle, open } from 'node:fs/promises';
import { type ByteRange } from './worker-protocol';

const LINE_FEED = 0x0a;
/** How much is read at a time while looking for the next line start. */
const PROBE_BYTES = 64 * 1024;

/**
 * Ranges of about `targetBytes` covering the file `[0, sizeBytes)` exactly once. Each boundary is
 * moved forward to the next line start, so every line lies wholly in one range and each range can be
 * read like a file of its own (only the first starts at the file start, where a byte order mark may be).
 * `targetBytes` may also be a function giving the size of the range that starts at a nominal
 * position (a positive number), e.g. to make the last ranges smaller.
 */
export async function lineAlignedRanges(path: string, sizeBytes: number, targetBytes: number | ((position: number) => number)): Promise<ByteRange[]> {
  const sizeAt = typeof targetBytes === 'number' ? (): number => targetBytes : targetBytes;
  const boundaries = [0];
  if (sizeBytes > sizeAt(0)) {
    const file = await open(path, 'r');
    try {
      for (let nominal = sizeAt(0); nominal < sizeBytes; nominal += Math.max(1, sizeAt(nominal))) {
        const previous = boundaries[boundaries.length - 1] as number;
        if (nominal <= previous) continue;
        boundaries.push(await nextLineStart(file, nominal, sizeBytes));
      }
    } finally {
      await file.close();
    }
  }
  boundaries.push(sizeBytes);
  const ranges: ByteRange[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i] as number;
    const end = boundaries[i + 1] as number;
    if (end > start) ranges.push({ path, start, end });
  }
  return ranges;
}

/** The first position >= `from` where a line starts (just after a line feed), or `sizeBytes`. */
async function nextLineStart(file: FileHandle, from: number, sizeBytes: number): Promise<number> {
  const probe = new Uint8Array(PROBE_BYTES);
  // The byte before `from` may itself be the line feed that makes `from` a line start.
  for (let position = from - 1; position < sizeBytes; position += PROBE_BYTES) {
    const { bytesRead } = await file.read(probe, 0, Math.min(PROBE_BYTES, sizeBytes - position), position);
    if (bytesRead === 0) break;
    const lineFeed = probe.subarray(0, bytesRead).indexOf(LINE_FEED);
    if (lineFeed !== -1) return position + lineFeed + 1;
  }
  return sizeBytes;
}
