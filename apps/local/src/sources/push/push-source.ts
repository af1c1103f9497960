/**
 * HTTP ingest as a source: the HTTP handler pushes the records of each accepted request, the runtime
 * iterates them as batches like any other source's. The queue is bounded: when it is full, `push`
 * throws IngestQueueFullError and the handler answers 429 with Retry-After, so a flood cannot exhaust
 * memory.
 *
 * Each request becomes one batch, numbered when it is pushed: seq is at least the clock in
 * microseconds and above every seq used before (checkpointed or journaled), so a new request is never
 * mistaken for a merged one. With a journal (ingest-journal.ts) the request's body is written there
 * under its seq before `push` resolves (before the 202): a restart resumes after the checkpoint by
 * reading the journaled requests again, with their seqs, so a crash after the answer loses nothing
 * and counts nothing twice. Without one, what was queued but not merged at a crash is lost.
 */
import { z } from 'zod';
import { type RejectedRecord } from '@trailpulse/event-schema';
import { type Clock } from '../scheduler';
import { type ScannedRecord } from '../scanned-record';
import { type Source, type SourceBatch, type SourcePosition, type StartOptions } from '../source';
import { SourcePositionError } from '../source-errors';
import { type IngestJournal, type JournalFormat } from './ingest-journal';

export const INGEST_SOURCE_ID = 'http';
export const DEFAULT_MAX_QUEUED_BATCHES = 256;

export const PushPositionSchema = z.object({ kind: z.literal('push'), lastSeq: z.number().int().min(0) });
export type PushPosition = z.infer<typeof PushPositionSchema>;

export class IngestQueueFullError extends Error {
  override readonly name = 'IngestQueueFullError';
}

interface Queued {
  readonly seq: number;
  readonly records: readonly unknown[];
  readonly rejects: readonly RejectedRecord[];
  readonly scanned: readonly ScannedRecord[];
}

/** A request's body as received (decompressed), for the journal. */
export interface PushedBody {
  readonly format: JournalFormat;
  readonly chunks: readonly Uint8Array[];
}

/** The accepted records of a journaled body, read again on recovery (the ingest route's parser). */
export interface ParsedBody {
  readonly records: readonly unknown[];
  readonly scanned: readonly ScannedRecord[];
}

export interface PushSourceOptions {
  readonly clock?: Clock;
  readonly maxQueuedBatches?: number;
  /** Write-ahead journal of the pushed requests: with it, an answered request survives a crash. */
  readonly journal?: IngestJournal;
  /** Reads a journaled body again (required with `journal`). */
  readonly parse?: (body: PushedBody) => Promise<ParsedBody>;
  /** A journal entry that does not read back as written (recovery stops in that segment). */
  readonly onDamaged?: (message: string) => void;
}

export class PushSource implements Source {
  readonly id = INGEST_SOURCE_ID;
  private readonly queue: Queued[] = [];
  private wake: (() => void) | undefined;
  private current: PushPosition | undefined;
  private lastSeq: number;
  /** The last seq journaled before this process: recovery reads the journal up to it, the queue has the rest. */
  private readonly recoverThroughSeq: number;

  constructor(private readonly options: PushSourceOptions = {}) {
    if (options.journal !== undefined && options.parse === undefined) throw new TypeError('a push source with a journal needs parse');
    this.recoverThroughSeq = options.journal?.lastSeq ?? -1;
    this.lastSeq = this.recoverThroughSeq;
  }

  get queuedBatches(): number {
    return this.queue.length;
  }

  /**
   * Queues one request's records: raw ones (judged by the pipeline) and ones the scanner accepted.
   * With a journal, `body` is journaled first: resolved means it survives a crash.
   * @throws IngestQueueFullError when the runtime is behind.
   * @throws JournalError (or the file system's error) when the journal could not be written; nothing is queued then.
   */
  async push(records: readonly unknown[], rejects: readonly RejectedRecord[] = [], scanned: readonly ScannedRecord[] = [], body?: PushedBody): Promise<void> {
    if (this.queue.length >= (this.options.maxQueuedBatches ?? DEFAULT_MAX_QUEUED_BATCHES)) {
      throw new IngestQueueFullError(`${this.queue.length} ingest batches are waiting to be processed; retry shortly`);
    }
    const clock = this.options.clock ?? { now: () => Date.now() };
    const seq = Math.max(this.lastSeq + 1, Math.floor(clock.now() * 1000));
    this.lastSeq = seq;
    // Journal appends complete in call order, so the queue stays in seq order.
    if (this.options.journal !== undefined && body !== undefined) await this.options.journal.append(seq, body.format, body.chunks);
    this.queue.push({ seq, records, rejects, scanned });
    this.wake?.();
  }

  /**
   * Numbers the requests pushed from now on above `seq`. The runtime calls it with the latest seq the
   * store holds before the API listens: a request may come before the source is started, and its seq
   * must not be one the store merged already (the clock alone does not promise that, it may have gone back).
   */
  resumeAfter(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  /** Every row holds the requests up to `seq` (the bulk checkpoint): their journal segments can go. */
  async released(seq: number): Promise<void> {
    await this.options.journal?.release(seq);
  }

  position(): SourcePosition | undefined {
    return this.current;
  }

  async *start(options: StartOptions = {}): AsyncIterable<SourceBatch> {
    const { signal } = options;
    if (options.from !== undefined) this.current = parsePushPosition(options.from);
    const checkpointSeq = this.current?.lastSeq ?? -1;
    this.resumeAfter(checkpointSeq);
    const onAbort = (): void => this.wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      // Requests answered before a crash or stop and not in every row yet: read again from the journal, same seqs.
      const { journal, parse } = this.options;
      if (journal !== undefined && parse !== undefined) {
        for await (const entry of journal.entries(checkpointSeq, this.recoverThroughSeq, this.options.onDamaged)) {
          if (signal?.aborted === true) return;
          const parsed = await parse({ format: entry.format, chunks: [entry.body] });
          yield this.batch({ seq: entry.seq, records: parsed.records, rejects: [], scanned: parsed.scanned });
        }
      }
      while (signal?.aborted !== true) {
        const next = this.queue.shift();
        if (next === undefined) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        yield this.batch(next);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private batch(queued: Queued): SourceBatch {
    const position: PushPosition = { kind: 'push', lastSeq: queued.seq };
    this.current = position;
    return {
      sourceId: this.id,
      seq: queued.seq,
      records: queued.records,
      ...(queued.scanned.length > 0 ? { scanned: queued.scanned } : {}),
      ...(queued.rejects.length > 0 ? { rejects: queued.rejects } : {}),
      position,
    };
  }
}

function parsePushPosition(value: unknown): PushPosition {
  const parsed = PushPositionSchema.safeParse(value);
  if (!parsed.success) throw new SourcePositionError(INGEST_SOURCE_ID, `the checkpoint is not an ingest position (${z.prettifyError(parsed.error)})`, { cause: parsed.error });
  return parsed.data;
}
