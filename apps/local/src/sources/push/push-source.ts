/**
 * HTTP ingest as a source: the HTTP handler pushes the records of each accepted request, the runtime
 * iterates them as batches like any other source's. The queue is bounded: when it is full, `push`
 * throws IngestQueueFullError and the handler answers 429 with Retry-After, so a flood cannot exhaust
 * memory.
 *
 * Pushed records cannot be read again after a crash, so there is nothing to resume; what matters is that
 * batch ids are never reused: seq is at least the clock in microseconds (and above the last checkpointed
 * seq), so batches after a restart can never be mistaken for already merged ones, even when the crash
 * came between merging a batch and checkpointing it.
 */
import { z } from 'zod';
import { type RejectedRecord } from '@trailpulse/event-schema';
import { type Clock } from '../scheduler';
import { type ScannedRecord } from '../scanned-record';
import { type Source, type SourceBatch, type SourcePosition, type StartOptions } from '../source';
import { SourcePositionError } from '../source-errors';

export const INGEST_SOURCE_ID = 'http';
export const DEFAULT_MAX_QUEUED_BATCHES = 256;

export const PushPositionSchema = z.object({ kind: z.literal('push'), lastSeq: z.number().int().min(0) });
export type PushPosition = z.infer<typeof PushPositionSchema>;

export class IngestQueueFullError extends Error {
  override readonly name = 'IngestQueueFullError';
}

interface Queued {
  readonly records: readonly unknown[];
  readonly rejects: readonly RejectedRecord[];
  readonly scanned: readonly ScannedRecord[];
}

export interface PushSourceOptions {
  readonly clock?: Clock;
  readonly maxQueuedBatches?: number;
}

export class PushSource implements Source {
  readonly id = INGEST_SOURCE_ID;
  private readonly queue: Queued[] = [];
  private wake: (() => void) | undefined;
  private current: PushPosition | undefined;

  constructor(private readonly options: PushSourceOptions = {}) {}

  get queuedBatches(): number {
    return this.queue.length;
  }

  /**
   * Queues one request's records: raw ones (judged by the pipeline) and ones the scanner accepted.
   * @throws IngestQueueFullError when the runtime is behind.
   */
  push(records: readonly unknown[], rejects: readonly RejectedRecord[] = [], scanned: readonly ScannedRecord[] = []): void {
    if (this.queue.length >= (this.options.maxQueuedBatches ?? DEFAULT_MAX_QUEUED_BATCHES)) {
      throw new IngestQueueFullError(`${this.queue.length} ingest batches are waiting to be processed; retry shortly`);
    }
    this.queue.push({ records, rejects, scanned });
    this.wake?.();
  }

  position(): SourcePosition | undefined {
    return this.current;
  }

  async *start(options: StartOptions = {}): AsyncIterable<SourceBatch> {
    const { signal } = options;
    const clock = this.options.clock ?? { now: () => Date.now() };
    if (options.from !== undefined) this.current = parsePushPosition(options.from);
    let lastSeq = this.current?.lastSeq ?? -1;
    const onAbort = (): void => this.wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      while (signal?.aborted !== true) {
        const next = this.queue.shift();
        if (next === undefined) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        const seq = Math.max(lastSeq + 1, Math.floor(clock.now() * 1000));
        lastSeq = seq;
        const position: PushPosition = { kind: 'push', lastSeq: seq };
        this.current = position;
        yield {
          sourceId: this.id,
          seq,
          records: next.records,
          ...(next.scanned.length > 0 ? { scanned: next.scanned } : {}),
          ...(next.rejects.length > 0 ? { rejects: next.rejects } : {}),
          position,
        };
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function parsePushPosition(value: unknown): PushPosition {
  const parsed = PushPositionSchema.safeParse(value);
  if (!parsed.success) throw new SourcePositionError(INGEST_SOURCE_ID, `the checkpoint is not an ingest position (${z.prettifyError(parsed.error)})`, { cause: parsed.error });
  return parsed.data;
}
