/**
 * Tails a folder where CloudTrail files land (an `aws s3 sync` target, a Firehose export, a copy):
 * polls it (fs.watch misses events on network and container file systems), reads each new file once it
 * is complete, and hands its records over in batches like a replay. "Complete" means a size above zero
 * and the same size and modification time in two polls in a row: CloudTrail files are written once,
 * and a writer still appending changes one of them. (A gzip trailer check would allow reading one poll
 * earlier, but needs the whole file decompressed; waiting one poll is simpler and also covers plain JSON.)
 *
 * Each file is read once: the position lists every file handed over, so a restart neither skips nor
 * repeats one, and resumes a file read halfway at the record where its checkpoint stopped. A file that
 * changes after it was read is not read again (CloudTrail never rewrites a delivered file).
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { batchFileItems, type BatchLimits, resolveBatchLimits } from '../files/file-batcher';
import { readFileItems } from '../files/file-items';
import { isAborted, type Scheduler, systemScheduler } from '../scheduler';
import { type Source, type SourceBatch, type SourcePosition, type StartOptions } from '../source';
import { pathsSourceId } from '../source-id';
import { type FileState, sameState, scanDirectory } from './scan-directory';
import { EMPTY_WATCH_POSITION, parseWatchPosition, type WatchPosition } from './watch-position';

export const DEFAULT_WATCH_POLL_INTERVAL_MS = 2000;

export interface WatchSourceOptions {
  readonly dir: string;
  /** Default {@link DEFAULT_WATCH_POLL_INTERVAL_MS}. */
  readonly pollIntervalMs?: number;
  readonly scheduler?: Scheduler;
  readonly batchLimits?: Partial<BatchLimits>;
}

/** The watched folder is missing or not a folder. */
export class WatchDirectoryError extends Error {
  override readonly name = 'WatchDirectoryError';

  constructor(
    readonly dir: string,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

interface ReadyFile {
  readonly file: string;
  readonly state: FileState;
  readonly fromIndex: number;
}

export class WatchSource implements Source {
  readonly id: string;
  private current: WatchPosition | undefined;
  private readonly limits: BatchLimits;

  constructor(private readonly options: WatchSourceOptions) {
    this.id = pathsSourceId('watch', [options.dir]);
    this.limits = resolveBatchLimits(options.batchLimits);
  }

  position(): SourcePosition | undefined {
    return this.current;
  }

  /** @throws WatchDirectoryError when the folder does not exist; SourcePositionError for a checkpoint that is not a watch position. */
  async *start(options: StartOptions = {}): AsyncIterable<SourceBatch> {
    const { signal } = options;
    const scheduler = this.options.scheduler ?? systemScheduler;
    await assertDirectory(this.options.dir);
    let position = options.from === undefined ? EMPTY_WATCH_POSITION : parseWatchPosition(this.id, options.from);
    this.current = position;
    const processed = new Map(Object.entries(position.processed));
    let resume: ReadyFile | undefined =
      position.current === null ? undefined : { file: position.current.file, state: position.current, fromIndex: position.current.recordIndex };
    let previousScan: Map<string, FileState> | undefined;
    let seq = position.nextSeq;
    while (!isAborted(signal)) {
      const scan = await scanDirectory(this.options.dir);
      const ready = [...(resume === undefined ? [] : [resume]), ...completeNewFiles(scan, previousScan, processed, resume?.file)];
      resume = undefined;
      for (const { file, state, fromIndex } of ready) {
        const entry = { kind: 'file' as const, path: path.join(this.options.dir, file), sizeBytes: state.size };
        for await (const chunk of batchFileItems(readFileItems(entry, fromIndex), fromIndex, this.limits)) {
          if (isAborted(signal)) return;
          if (chunk.endOfFile) processed.set(file, { size: state.size, mtimeMs: state.mtimeMs });
          position = {
            kind: 'watch',
            processed: chunk.endOfFile ? Object.fromEntries(processed) : position.processed,
            current: chunk.endOfFile ? null : { file, size: state.size, mtimeMs: state.mtimeMs, recordIndex: chunk.nextIndex },
            nextSeq: seq + 1,
          };
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
      previousScan = scan;
      await scheduler.sleep(this.options.pollIntervalMs ?? DEFAULT_WATCH_POLL_INTERVAL_MS, signal);
    }
  }
}

/** Files not handed over yet that look the same as in the previous poll, in path order (CloudTrail names sort by time). */
function completeNewFiles(scan: Map<string, FileState>, previous: Map<string, FileState> | undefined, processed: Map<string, FileState>, resuming: string | undefined): ReadyFile[] {
  const ready: ReadyFile[] = [];
  for (const [file, state] of scan) {
    if (processed.has(file) || file === resuming || state.size === 0) continue;
    if (sameState(previous?.get(file), state)) ready.push({ file, state, fromIndex: 0 });
  }
  return ready;
}

async function assertDirectory(dir: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (error) {
    throw new WatchDirectoryError(dir, `--watch folder ${dir} cannot be read: ${String(error)}`, { cause: error });
  }
  if (!isDirectory) throw new WatchDirectoryError(dir, `--watch takes a folder, and ${dir} is not one`);
}
