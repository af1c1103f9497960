import { type AnalyzeOptions, createEngine } from '../engine';
import { type BatchOutput } from '../output/metrics-output';
import { eventCountsOf } from '../output/event-counts';
import { NdjsonFactsReader } from './ndjson-facts';

export interface AnalyzeNdjsonOptions extends AnalyzeOptions {
  /** Names the source in skip reports (default "ndjson"). */
  readonly source?: string;
  readonly maxRecordBytes?: number;
  readonly maxTextBytes?: number;
}

/**
 * `analyzeBatches` for one NDJSON source, through the fast path: the same BatchOutput, computed
 * without JSON.parse for the lines the scanner decides (all of them but odd ones, unless custom
 * metrics need full records). Browser-safe: any async iterable of bytes.
 */
export async function analyzeNdjson(chunks: AsyncIterable<Uint8Array>, options: AnalyzeNdjsonOptions): Promise<BatchOutput> {
  const { onProgress, source, maxRecordBytes, maxTextBytes, ...engineOptions } = options;
  const engine = createEngine(engineOptions);
  const reader = new NdjsonFactsReader(engine, {
    source: source ?? 'ndjson',
    needsFullRecords: (engineOptions.customMetrics ?? []).length > 0,
    ...(maxRecordBytes === undefined ? {} : { maxRecordBytes }),
    ...(maxTextBytes === undefined ? {} : { maxTextBytes }),
  });
  for await (const chunk of chunks) {
    reader.push(chunk);
    onProgress?.(reader.stats);
  }
  reader.end();
  onProgress?.(reader.stats);
  return { events: eventCountsOf(reader.stats), windowSeconds: engine.windowSeconds, windows: engine.flush() };
}
