/**
 * Decides which inputs take the parallel NDJSON fast path: plain (not gzipped) files the readers
 * would read as NDJSON. Everything else (gzip, JSON documents such as S3 Records files and arrays,
 * standard input, skipped entries) is read by the existing readers, exactly as before.
 */
import { formatFromName, sniffFormat } from '@trailpulse/event-schema';
import { type InputEntry, type ResolvedInputs } from '@trailpulse/event-schema/node';
import { open } from 'node:fs/promises';

/**
 * The first chunk readPaths reads of a file (its READ_CHUNK_BYTES): the readers decide the format
 * on it, so the same head is looked at here to reach the same decision.
 */
const READERS_FIRST_CHUNK_BYTES = 256 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b] as const;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export interface NdjsonFile {
  readonly path: string;
  readonly sizeBytes: number;
}

export interface InputPlan {
  /** Plain NDJSON files, for the fast path. */
  readonly ndjsonFiles: readonly NdjsonFile[];
  /** The rest, for the readers (in the order given). */
  readonly otherInputs: ResolvedInputs;
}

export async function planInputs(inputs: ResolvedInputs): Promise<InputPlan> {
  const ndjsonFiles: NdjsonFile[] = [];
  const others: InputEntry[] = [];
  for (const entry of inputs.entries) {
    if (entry.kind === 'file' && entry.sizeBytes > 0 && (await isPlainNdjson(entry.path, entry.sizeBytes))) {
      ndjsonFiles.push({ path: entry.path, sizeBytes: entry.sizeBytes });
    } else {
      others.push(entry);
    }
  }
  const otherBytes = others.reduce((sum, entry) => sum + (entry.kind === 'file' ? entry.sizeBytes : 0), 0);
  return { ndjsonFiles, otherInputs: { entries: others, totalBytes: otherBytes } };
}

/** Not gzip (by its magic bytes, as the readers check), and NDJSON by name or by the readers' sniffing of the first chunk. */
async function isPlainNdjson(path: string, sizeBytes: number): Promise<boolean> {
  let head: Uint8Array;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = new Uint8Array(Math.min(sizeBytes, READERS_FIRST_CHUNK_BYTES));
      const { bytesRead } = await file.read(buffer, 0, buffer.byteLength, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    // Unreadable now: the readers report it the way they do.
    return false;
  }
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return false;
  const withoutBom = head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2] ? head.subarray(UTF8_BOM.length) : head;
  return (formatFromName(path) ?? sniffFormat(withoutBom, true)) === 'ndjson';
}
