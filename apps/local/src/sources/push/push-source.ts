/**
 * HTTP ingest as a source: the HTTP handler pushes the records of each accepted request, the runtime
 * iterates them as batches like any other source's. The queue is bounded, in batches and in records:
 * when it is full, `push` waits for the pipeline to take a batch (the client sees a slower answer,
 * as TCP would slow it), and after `maxQueueWaitMs` throws IngestQueueFullError, which the handler
 * answers 429 with Retry-After, so a flood cannot exhaust memory.
 *
 * Why a small queue that makes clients wait: every queued record is held on the JavaScript heap
 * until the pipeline aggregates it, so a long queue is copied by young-generation collections and
 * promoted, and it is latency too: a record at the back of 500,000 waits seconds to reach a window.
 * Measured with a 256-request queue: when answering got cheaper, clients filled it, and the runtime
 * spent more CPU per record and took 4 s (p99) instead of 1.7 s to announce a window.
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
import { type Scheduler, systemScheduler } from '../scheduler';
import { type ScannedRecord } from '../scanned-record';
import { type Source, type SourceBatch, type SourcePosition, type StartOptions } from '../source';
import { SourcePositionError } from '../source-errors';
import { type IngestJournal, type JournalFormat } from './ingest-journal';

export const INGEST_SOURCE_ID = 'http';
export const DEFAULT_MAX_QUEUED_BATCHES = 256;
/** About half a second of the runtime's work at full rate: enough to keep it busy between answers. */
export const DEFAULT_MAX_QUEUED_RECORDS = 20_000;
/** How long a push waits for room before it is refused (429). */
export const DEFAULT_MAX_QUEUE_WAIT_MS = 10_000;

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
  /** Numbers the requests (its clock) and times the wait for room in the queue (default: the system's). */
  readonly scheduler?: Scheduler;
  /** The queue is full at this many batches (default 256). */
  readonly maxQueuedBatches?: number;
  /** ... or at this many records (default 20,000); one request is always let in, however large. */
  readonly maxQueuedRecords?: number;
  /** How long a push waits for room before IngestQueueFullError (default 10 s; 0: refuse at once). */
  readonly maxQueueWaitMs?: number;
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
  /** Records in `queue`. */
  private queuedRecords = 0;
  /** Pushes let in and not queued yet (journaling): they hold a place in the queue. */
  private admitted = 0;
  /** Pushes waiting for room, first come first in. */
  private readonly roomWaiters: (() => void)[] = [];
  /** The source was stopped: nothing will take a batch any more, so waiting pushes are refused at once. */
  private stopped = false;
  private markStopped: () => void = () => undefined;
  private readonly stopping = new Promise<void>((resolve) => (this.markStopped = resolve));
  private wake: (() => void) | undefined;
  private current: PushPosition | undefined;
  private lastSeq: number;
  /** The last seq journaled before this process: recovery reads the journal up to it, the queue has the rest. */
  private readonly recoverThroughSeq: number;
  private readonly scheduler: Scheduler;

  constructor(private readonly options: PushSourceOptions = {}) {
    this.scheduler = options.scheduler ?? systemScheduler;
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
   * Waits while the queue is full (see the module comment).
   * @throws IngestQueueFullError when the runtime stayed behind for `maxQueueWaitMs`.
   * @throws JournalError (or the file system's error) when the journal could not be written; nothing is queued then.
   */
  async push(records: readonly unknown[], rejects: readonly RejectedRecord[] = [], scanned: readonly ScannedRecord[] = [], body?: PushedBody): Promise<void> {
    await this.waitForRoom();
    try {
      const seq = Math.max(this.lastSeq + 1, Math.floor(this.scheduler.now() * 1000));
      this.lastSeq = seq;
      // Journal appends complete in call order, so the queue stays in seq order.
      if (this.options.journal !== undefined && body !== undefined) await this.options.journal.append(seq, body.format, body.chunks);
      this.queue.push({ seq, records, rejects, scanned });
      this.queuedRecords += records.length + scanned.length;
    } finally {
      this.admitted--;
      this.letWaitersIn();
    }
    this.wake?.();
  }

  /** Resolves with a place in the queue held (`admitted`), or throws IngestQueueFullError after the wait. */
  private async waitForRoom(): Promise<void> {
    if (this.roomWaiters.length === 0 && this.hasRoom()) {
      this.admitted++;
      return;
    }
    if (this.stopped) throw new IngestQueueFullError('the runtime is stopping; retry shortly');
    const waitMs = this.options.maxQueueWaitMs ?? DEFAULT_MAX_QUEUE_WAIT_MS;
    let waiter: () => void = () => undefined;
    const room = new Promise<boolean>((resolve) => {
      waiter = () => resolve(true);
      this.roomWaiters.push(waiter);
    });
    const giveUp = new AbortController();
    const timedOut = this.scheduler.sleep(waitMs, giveUp.signal).then(() => false);
    const gotRoom = await Promise.race([room, timedOut, this.stopping.then(() => false)]);
    giveUp.abort();
    if (gotRoom) return;
    const index = this.roomWaiters.indexOf(waiter);
    // Let in just as the wait ran out: the place is held, go on.
    if (index === -1) return;
    this.roomWaiters.splice(index, 1);
    throw new IngestQueueFullError(
      this.stopped ? 'the runtime is stopping; retry shortly' : `${this.queue.length} ingest batches (${this.queuedRecords} records) are waiting to be processed; retry shortly`,
    );
  }

  private hasRoom(): boolean {
    const batches = this.queue.length + this.admitted;
    if (batches === 0) return true;
    return batches < (this.options.maxQueuedBatches ?? DEFAULT_MAX_QUEUED_BATCHES) && this.queuedRecords < (this.options.maxQueuedRecords ?? DEFAULT_MAX_QUEUED_RECORDS);
  }

  /** Lets waiting pushes in while there is room, holding their places. */
  private letWaitersIn(): void {
    while (this.roomWaiters.length > 0 && this.hasRoom()) {
      this.admitted++;
      (this.roomWaiters.shift() as () => void)();
    }
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
        this.queuedRecords -= next.records.length + next.scanned.length;
        this.letWaitersIn();
        yield this.batch(next);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted === true) {
        this.stopped = true;
        this.markStopped();
      }
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
