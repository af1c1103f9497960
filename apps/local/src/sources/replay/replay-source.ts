/**
 * Replays CloudTrail files and folders (every shape event-schema reads, .gz included) as batches,
 * as fast as possible or paced on event time. Files are read in the readers' order (directories
 * recursively, in lexical path order: CloudTrail's S3 layout sorts by time) and records in file order;
 * there is no reordering buffer: the pacing follows the running maximum eventTime and the engine puts
 * late records in their own windows.
 *
 * Batches are cut by file-batcher.ts from the records alone, and numbered from 0 across the whole
 * replay, so the same arguments always produce the same (seq, records) pairs, whatever the speed: a
 * replay restarted from a checkpoint hands out exactly the batches after it.
 */
import { type ResolvedInputs, resolveInputs } from '@trailpulse/event-schema/node';
import { batchFileItems, type BatchLimits, resolveBatchLimits } from '../files/file-batcher';
import { readFileItems } from '../files/file-items';
import { isAborted, type Scheduler, systemScheduler } from '../scheduler';
import { type Source, type SourceBatch, type SourcePosition, type StartOptions } from '../source';
import { pathsSourceId } from '../source-id';
import { Pacer } from './pacer';
import { parseReplayPosition, type ReplayPosition, replayPositionAt } from './replay-position';
import { MAX_SPEED, type ReplaySpeed } from './replay-speed';

export interface ReplaySourceOptions {
  /** Files and directories, as given on the command line. */
  readonly paths: readonly string[];
  /** Default: as fast as possible. */
  readonly speed?: ReplaySpeed;
  readonly scheduler?: Scheduler;
  readonly batchLimits?: Partial<BatchLimits>;
}

export class ReplaySource implements Source {
  readonly id: string;
  private current: ReplayPosition | undefined;
  private readonly limits: BatchLimits;

  constructor(private readonly options: ReplaySourceOptions) {
    this.id = pathsSourceId('replay', options.paths);
    this.limits = resolveBatchLimits(options.batchLimits);
  }

  position(): SourcePosition | undefined {
    return this.current;
  }

  /** @throws InputPathError (from event-schema) when a path cannot be read; SourcePositionError for a checkpoint of other inputs. */
  async *start(options: StartOptions = {}): AsyncIterable<SourceBatch> {
    const { signal } = options;
    const inputs = await resolveInputs(this.options.paths);
    const start = options.from === undefined ? replayPositionAt(inputs, 0, 0, 0) : parseReplayPosition(this.id, options.from, inputs);
    this.current = start;
    const pacer = new Pacer(this.options.speed ?? MAX_SPEED, this.options.scheduler ?? systemScheduler);
    let seq = start.nextSeq;
    for (let fileIndex = start.fileIndex; fileIndex < inputs.entries.length; fileIndex++) {
      const fromIndex = fileIndex === start.fileIndex ? start.recordIndex : 0;
      for await (const chunk of batchFileItems(readFileItems(entryAt(inputs, fileIndex), fromIndex), fromIndex, this.limits)) {
        if (isAborted(signal)) return;
        await pacer.waitFor(chunk.maxEventTimeMs, signal);
        if (isAborted(signal)) return;
        const position = chunk.endOfFile ? replayPositionAt(inputs, fileIndex + 1, 0, seq + 1) : replayPositionAt(inputs, fileIndex, chunk.nextIndex, seq + 1);
        this.current = position;
        yield {
          sourceId: this.id,
          seq,
          records: chunk.records,
          ...(chunk.rejects.length > 0 ? { rejects: chunk.rejects } : {}),
          ...(chunk.skipped.length > 0 ? { skipped: chunk.skipped } : {}),
          position,
        };
        seq++;
      }
    }
  }
}

function entryAt(inputs: ResolvedInputs, index: number): ResolvedInputs['entries'][number] {
  const entry = inputs.entries[index];
  if (entry === undefined) throw new RangeError(`no input at index ${index}`);
  return entry;
}
