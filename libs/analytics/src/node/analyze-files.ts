/**
 * `trailpulse analyze` over files on all cores. Plain NDJSON files are cut into line-aligned byte
 * ranges; the calling thread and worker threads take them from one queue and scan them with the
 * projection scanner, each into an engine of its own (the calling thread's is the result engine).
 * The workers' window partials are merged into it, which gives the same windows as one pass: the
 * engine's partials are mergeable and batch analysis does not depend on record order. Custom
 * metrics run on the workers too: each compiles them from their plain definitions (compiled metrics
 * are closures, which cannot be sent), and every accepted line is then parsed for its full record.
 * A compiled metric without its definition keeps everything on the readers. Everything
 * the fast path does not cover (gzip, JSON documents, standard input) is read meanwhile on the
 * calling thread by the existing readers, exactly as analyzeBatches would.
 */
import { addBatch, createReadStats, type ReadStats } from '@trailpulse/event-schema';
import { readInputs, type ReadPathsOptions, resolveInputs } from '@trailpulse/event-schema/node';
import { availableParallelism } from 'node:os';
import { type CompiledCustomMetric } from '../custom/custom-metric';
import { type CustomMetricDefinition } from '../custom/definition-schema';
import { type AnalyzeOptions, createEngine, type Engine } from '../engine';
import { type BatchOutput } from '../output/metrics-output';
import { eventCountsOf } from '../output/event-counts';
import { NdjsonFactsReader } from '../scan/ndjson-facts';
import { AnalyzeFilesOptionsError } from './analyze-files-errors';
import { lineAlignedRanges } from './byte-ranges';
import { type NdjsonFile, planInputs } from './input-plan';
import { addRangeCounts, rangeCountsOf } from './range-counts';
import { RangeQueue } from './range-queue';
import { scanRange } from './range-scan';
import { scanRangesInWorkers } from './worker-pool';
import { type ByteRange, type RangeCounts, type ScanWorkerData } from './worker-protocol';

export interface AnalyzeFilesOptions extends AnalyzeOptions {
  /**
   * Threads scanning NDJSON files, the calling thread included: 1 scans on the calling thread only,
   * N adds N - 1 worker threads. Default: the available cores, at most 4, and 1 for inputs too small
   * to repay starting workers.
   */
  readonly workers?: number;
  /** Largest record accepted (default 262,144 bytes). */
  readonly maxRecordBytes?: number;
  /** Longest text read at all (default 1 MiB), as the readers' option. */
  readonly maxTextBytes?: number;
  /** Where `-` reads from (default: process.stdin). */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

/** More threads than this rarely pay off: merging and memory grow while the disk stays the same. */
const MAX_DEFAULT_WORKERS = 4;
/** Below this much NDJSON, starting workers costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;
/**
 * About this many ranges per thread: when the queue runs dry, the other threads wait for the last
 * range on average half a range, so ranges are kept small; each costs only a message and a file open.
 */
const RANGES_PER_THREAD = 16;
/**
 * Guided scheduling: a range is at most the bytes still unplanned over (threads * TAPER), so the
 * ranges shrink towards the end of the input (down to MIN_RANGE_BYTES) and the threads run dry
 * within a few milliseconds of each other instead of up to a range and a half apart (a worker has
 * RANGES_IN_FLIGHT of them queued when the queue empties).
 */
const TAPER = 4;
const MIN_RANGE_BYTES = 1024 * 1024;
const MAX_RANGE_BYTES = 32 * 1024 * 1024;

type Limits = Pick<AnalyzeFilesOptions, 'maxRecordBytes' | 'maxTextBytes'>;
type ScanLimits = Limits & { readonly needsFullRecords: boolean };

/**
 * Analyzes `paths` (files, directories, `-`) into metrics.md's batch output, identical to
 * `analyzeBatches(readPaths(paths))`.
 * @throws InputPathError (before reading) when a path cannot be read; AnalyzeFilesOptionsError; ParallelAnalysisError.
 */
export async function analyzeFiles(paths: readonly string[], options: AnalyzeFilesOptions): Promise<BatchOutput> {
  const { onProgress, workers, maxRecordBytes, maxTextBytes, stdin, ...engineOptions } = options;
  if (workers !== undefined && !(Number.isSafeInteger(workers) && workers >= 1)) {
    throw new AnalyzeFilesOptionsError(`workers must be a positive integer, got ${workers}`);
  }
  const engine = createEngine(engineOptions);
  const stats = createReadStats();
  const report = (): void => onProgress?.(stats);
  const limits: Limits = { ...(maxRecordBytes === undefined ? {} : { maxRecordBytes }), ...(maxTextBytes === undefined ? {} : { maxTextBytes }) };

  const inputs = await resolveInputs(paths);
  const customMetrics = engineOptions.customMetrics ?? [];
  const customDefinitions = definitionsOf(customMetrics);
  // Workers can only run custom metrics they can compile themselves: without every definition, no fast path.
  const plan = customDefinitions === undefined ? { ndjsonFiles: [], otherInputs: inputs } : await planInputs(inputs);
  const readOthers = async (): Promise<void> => {
    const readerOptions: ReadPathsOptions = { ...limits, ...(stdin === undefined ? {} : { stdin }) };
    for await (const batch of readInputs(plan.otherInputs, readerOptions)) {
      addBatch(stats, batch);
      for (const accepted of batch.accepted) engine.add(accepted);
      report();
    }
  };

  const ndjsonBytes = plan.ndjsonFiles.reduce((sum, file) => sum + file.sizeBytes, 0);
  const threads = workers ?? (ndjsonBytes < MIN_BYTES_FOR_WORKERS ? 1 : Math.min(availableParallelism(), MAX_DEFAULT_WORKERS));
  const counter = new FileCompletion(stats, report);
  const queue = new RangeQueue(await planRanges(plan.ndjsonFiles, ndjsonBytes, threads, counter));
  const workerData: ScanWorkerData = {
    windowSeconds: engineOptions.windowSeconds,
    ...(engineOptions.topK === undefined ? {} : { topK: engineOptions.topK }),
    ...(engineOptions.sketchCapacity === undefined ? {} : { sketchCapacity: engineOptions.sketchCapacity }),
    ...limits,
    ...(customDefinitions === undefined || customDefinitions.length === 0 ? {} : { customMetrics: customDefinitions }),
  };
  await Promise.all([
    threads > 1 && !queue.isEmpty
      ? scanRangesInWorkers(queue, threads - 1, workerData, {
          onRangeDone: (range, counts) => counter.rangeDone(range, counts),
          onSnapshot: (snapshot) => engine.mergeTransfer(snapshot),
        })
      : undefined,
    scanOnThisThread(queue, engine, { ...limits, needsFullRecords: customMetrics.length > 0 }, counter),
    readOthers(),
  ]);
  return { events: eventCountsOf(stats), windowSeconds: engine.windowSeconds, windows: engine.flush() };
}

/**
 * Every NDJSON file as ranges of about the size that gives each thread RANGES_PER_THREAD of them,
 * smaller towards the end of the input (see TAPER).
 */
async function planRanges(files: readonly NdjsonFile[], totalBytes: number, threads: number, counter: FileCompletion): Promise<ByteRange[]> {
  const rangeBytes = Math.min(MAX_RANGE_BYTES, Math.max(MIN_RANGE_BYTES, Math.ceil(totalBytes / (threads * RANGES_PER_THREAD))));
  const ranges: ByteRange[] = [];
  let bytesBefore = 0;
  for (const file of files) {
    const planned = bytesBefore;
    const sizeAt = (position: number): number => {
      const remaining = totalBytes - planned - position;
      return Math.min(rangeBytes, Math.max(MIN_RANGE_BYTES, Math.ceil(remaining / (threads * TAPER))));
    };
    bytesBefore += file.sizeBytes;
    const fileRanges = await lineAlignedRanges(file.path, file.sizeBytes, threads > 1 ? sizeAt : rangeBytes);
    counter.expect(file.path, fileRanges.length);
    ranges.push(...fileRanges);
  }
  return ranges;
}

/** Takes ranges from the queue until it is empty and scans them into the result engine itself. */
async function scanOnThisThread(queue: RangeQueue, engine: Engine, limits: ScanLimits, counter: FileCompletion): Promise<void> {
  for (let range = queue.take(); range !== undefined; range = queue.take()) {
    const reader = new NdjsonFactsReader(engine, { source: range.path, atSourceStart: range.start === 0, ...limits });
    await scanRange(range, reader);
    counter.rangeDone(range, rangeCountsOf(reader.stats));
  }
}

/**
 * The plain definitions of `metrics` (from compileCustomMetric), in order, for the workers to compile
 * their own; undefined when a metric does not carry its definition (a hand-built CompiledCustomMetric)
 * or the definitions cannot be sent to a worker (structured clone).
 */
function definitionsOf(metrics: readonly CompiledCustomMetric[]): CustomMetricDefinition[] | undefined {
  const definitions: CustomMetricDefinition[] = [];
  for (const metric of metrics) {
    const definition = (metric as { readonly definition?: CustomMetricDefinition }).definition;
    if (typeof definition !== 'object' || definition === null || definition.id !== metric.id) return undefined;
    definitions.push(definition);
  }
  try {
    structuredClone(definitions);
  } catch {
    return undefined;
  }
  return definitions;
}

/** Adds each range's counts as it is done, and counts a file as read once all its ranges are. */
class FileCompletion {
  private readonly rangesLeft = new Map<string, number>();

  constructor(
    private readonly stats: ReadStats,
    private readonly report: () => void,
  ) {}

  expect(path: string, ranges: number): void {
    this.rangesLeft.set(path, (this.rangesLeft.get(path) ?? 0) + ranges);
  }

  rangeDone(range: ByteRange, counts: RangeCounts): void {
    addRangeCounts(this.stats, counts, range.path);
    const left = (this.rangesLeft.get(range.path) ?? 1) - 1;
    this.rangesLeft.set(range.path, left);
    if (left === 0) this.stats.filesRead++;
    this.report();
  }
}
