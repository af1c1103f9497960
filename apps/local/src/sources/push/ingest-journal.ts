import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** The body formats an entry can hold (the ingest route's: api-contract IngestFormat). */
export const JOURNAL_FORMATS = ['ndjson', 'json'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];

/** One ingest request as journaled: its batch seq and its (decompressed) body. */
export interface JournalEntry {
  readonly seq: number;
  readonly format: JournalFormat;
  readonly body: Uint8Array;
}

/** A new segment is started once the current one holds this much: segments are what release deletes. */
export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
/** payload length (u32) + checksum of the payload (u32). */
const HEADER_BYTES = 8;
/** seq (f64) + format (u8), then the body. */
const PAYLOAD_PREFIX_BYTES = 9;
const SEGMENT_PATTERN = /^segment-(\d{20})\.log$/;

export class JournalError extends Error {
  override readonly name = 'JournalError';
}

interface Segment {
  readonly path: string;
  /** The first seq it holds (its name): entries are in seq order across segments. */
  readonly firstSeq: number;
  /** Its last complete entry's seq, -1 when empty. */
  lastSeq: number;
  bytes: number;
}

export interface IngestJournalOptions {
  readonly segmentBytes?: number;
}

/**
 * The write-ahead log of HTTP ingest: each accepted request's body is appended (with its batch seq)
 * before the request is answered 202, so a crash after the answer loses nothing; the restart hands
 * the journaled requests the store does not hold yet to the pipeline again, with the same seqs (the
 * store merges a (source, seq) once, so nothing is counted twice). Segments whose every request is
 * in every row (the bulk checkpoint) are deleted.
 *
 * Durability: an entry is written (not fsynced) before the answer. It survives the process dying in
 * any way (kill -9 included: the kernel has the bytes); a power cut may lose the last seconds. A
 * torn last entry (the process died inside the write) is cut off when the journal is opened, and a
 * checksum per entry makes a recovery skip (and report) an entry that does not read back as written.
 *
 * Layout: `<dir>/segment-<first seq, 20 digits>.log`, entries of
 * `[u32 LE payload length][u32: first 4 bytes of the payload's SHA-256][payload: f64 LE seq, u8 format, body]`.
 * Why SHA-256 (node:crypto, streamed over the request's chunks): OpenSSL's SHA-256 with the CPU's
 * SHA extensions hashes ~1.4 GB/s on the ingest thread with no copy of the body. A CRC-32 in
 * JavaScript (~400 MB/s) cost a second of that thread per 455 MB ingested, and WebCrypto's digest,
 * which runs on the thread pool, first copies the body (after a concat), which cost it more than the
 * hash (measured: 0.9 s against 0.3 s of CPU per 437 MB).
 */
export class IngestJournal {
  private active: FileHandle | undefined;
  private appending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly segments: Segment[],
    private readonly segmentBytes: number,
  ) {}

  /** Opens (or creates) the journal in `dir`, cutting off a torn last entry. */
  static async open(dir: string, options: IngestJournalOptions = {}): Promise<IngestJournal> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const names = (await readdir(dir)).filter((name) => SEGMENT_PATTERN.test(name)).sort();
    const segments: Segment[] = [];
    for (const name of names) segments.push(await scanSegment(join(dir, name), Number(SEGMENT_PATTERN.exec(name)?.[1])));
    return new IngestJournal(dir, segments, options.segmentBytes ?? DEFAULT_SEGMENT_BYTES);
  }

  /** The last seq journaled (-1 when none): new requests get seqs above it. */
  get lastSeq(): number {
    for (let i = this.segments.length - 1; i >= 0; i--) if ((this.segments[i] as Segment).lastSeq >= 0) return (this.segments[i] as Segment).lastSeq;
    return -1;
  }

  /**
   * Appends one request; resolves once it is written. Appends are written in call order, and seqs
   * must increase.
   */
  append(seq: number, format: JournalFormat, body: readonly Uint8Array[]): Promise<void> {
    const written = this.appending.then(() => this.write(seq, format, body));
    // A failed append fails its own request only; the next one tries again.
    this.appending = written.catch(() => undefined);
    return written;
  }

  /**
   * The journaled requests with afterSeq < seq <= throughSeq, in order. An entry that does not read
   * back as written is skipped and reported through `onDamaged` (only that request is lost); the rest
   * of a segment is when an entry's length itself is wrong.
   */
  async *entries(afterSeq: number, throughSeq: number, onDamaged?: (message: string) => void): AsyncGenerator<JournalEntry> {
    for (const segment of [...this.segments]) {
      if (segment.lastSeq <= afterSeq || segment.firstSeq > throughSeq) continue;
      for await (const entry of readEntries(segment.path, onDamaged)) {
        if (entry.seq > throughSeq) return;
        if (entry.seq > afterSeq) yield entry;
      }
    }
  }

  /** Deletes the segments whose every request has seq <= `throughSeq` (the active one stays). */
  async release(throughSeq: number): Promise<void> {
    await this.appending;
    while (this.segments.length > 1 && (this.segments[0] as Segment).lastSeq <= throughSeq) {
      const [segment] = this.segments.splice(0, 1);
      await rm((segment as Segment).path, { force: true });
    }
  }

  async close(): Promise<void> {
    await this.appending;
    await this.active?.close();
    this.active = undefined;
  }

  private async write(seq: number, format: JournalFormat, body: readonly Uint8Array[]): Promise<void> {
    if (seq <= this.lastSeq) throw new JournalError(`journal seqs must increase: ${seq} after ${this.lastSeq}`);
    const prefix = Buffer.alloc(PAYLOAD_PREFIX_BYTES);
    prefix.writeDoubleLE(seq, 0);
    prefix.writeUInt8(JOURNAL_FORMATS.indexOf(format), 8);
    const payload = [prefix, ...body];
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(payload.reduce((bytes, chunk) => bytes + chunk.byteLength, 0), 0);
    header.writeUInt32LE(checksum(payload), 4);
    const segment = await this.segmentFor(seq);
    const handle = this.active as FileHandle;
    // One writev: the entry goes to the file in one call, so a process killed mid-append leaves at most a torn tail.
    const { bytesWritten } = await handle.writev([header, ...payload]);
    const entryBytes = header.byteLength + header.readUInt32LE(0);
    if (bytesWritten !== entryBytes) throw new JournalError(`journal write of ${entryBytes} bytes wrote ${bytesWritten}`);
    segment.bytes += entryBytes;
    segment.lastSeq = seq;
  }

  /** The segment to append to: the last one, unless it is full or was found at open (never appended to after a restart). */
  private async segmentFor(seq: number): Promise<Segment> {
    const last = this.segments[this.segments.length - 1];
    if (this.active !== undefined && last !== undefined && last.bytes < this.segmentBytes) return last;
    await this.active?.close();
    const segment: Segment = { path: join(this.dir, `segment-${String(seq).padStart(20, '0')}.log`), firstSeq: seq, lastSeq: -1, bytes: 0 };
    this.active = await open(segment.path, 'a', 0o600);
    this.segments.push(segment);
    return segment;
  }
}

/** A segment's extent: its last complete entry; a torn tail (an entry cut short) is cut off. */
async function scanSegment(path: string, firstSeq: number): Promise<Segment> {
  const handle = await open(path, 'r+');
  try {
    const size = (await handle.stat()).size;
    const header = Buffer.alloc(HEADER_BYTES + 8);
    let offset = 0;
    let lastSeq = -1;
    while (offset + HEADER_BYTES + PAYLOAD_PREFIX_BYTES <= size) {
      await handle.read(header, 0, header.byteLength, offset);
      const length = header.readUInt32LE(0);
      if (length < PAYLOAD_PREFIX_BYTES || offset + HEADER_BYTES + length > size) break;
      lastSeq = header.readDoubleLE(HEADER_BYTES);
      offset += HEADER_BYTES + length;
    }
    if (offset < size) await handle.truncate(offset);
    return { path, firstSeq, lastSeq, bytes: offset };
  } finally {
    await handle.close();
  }
}

async function* readEntries(path: string, onDamaged: ((message: string) => void) | undefined): AsyncGenerator<JournalEntry> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const header = Buffer.alloc(HEADER_BYTES);
    let offset = 0;
    while (offset + HEADER_BYTES <= size) {
      await handle.read(header, 0, HEADER_BYTES, offset);
      const length = header.readUInt32LE(0);
      if (length < PAYLOAD_PREFIX_BYTES || offset + HEADER_BYTES + length > size) {
        onDamaged?.(`${path}: the entry at byte ${offset} has an impossible length (${length}); the rest of this segment is not recovered`);
        return;
      }
      const payload = Buffer.alloc(length);
      await handle.read(payload, 0, length, offset + HEADER_BYTES);
      const format = JOURNAL_FORMATS[payload[8] ?? 255];
      if (checksum([payload]) !== header.readUInt32LE(4) || format === undefined) {
        onDamaged?.(`${path}: the entry at byte ${offset} does not read back as written; that request is not recovered`);
      } else {
        yield { seq: payload.readDoubleLE(0), format, body: payload.subarray(PAYLOAD_PREFIX_BYTES) };
      }
      offset += HEADER_BYTES + length;
    }
  } finally {
    await handle.close();
  }
}

/** The first four bytes of the SHA-256 of the payload (its chunks in order), as a little-endian u32. */
function checksum(payload: readonly Uint8Array[]): number {
  const hash = createHash('sha256');
  for (const chunk of payload) hash.update(chunk);
  return hash.digest().readUInt32LE(0);
}
