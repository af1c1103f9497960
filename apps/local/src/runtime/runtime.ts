import { join } from 'node:path';
import { createLocalDynamoClient, createMetricsStore, type MetricsStore } from '@trailpulse/metrics-store';
import { Authenticator, createApiServer, loadOrCreateApiToken, type Logger, parseIngestBody, silentLogger } from '../http';
import { createSources, IngestJournal, type PushedBody, type Scheduler, type Source, type SourcePlan, startFromCheckpoint, systemScheduler } from '../sources';
import { BASE_WINDOW_SECONDS, openSourcePipeline, ROLL_UP_WINDOW_SECONDS, type SourcePipeline } from './batch-pipeline';
import { CustomMetricsRegistry } from './custom-metrics';
import { IngestStats } from './ingest-stats';
import { LocalBackend } from './local-backend';
import { RecentEvents } from './recent-events';
import { StoreCheckpoints } from './store-checkpoints';
import { StoreWorker } from './store-worker/store-worker';
import { WindowCloser } from './window-closer';
import { type AccumulatedGroup } from './batch-accumulator';

/** The window lengths the runtime serves: its base window and the store's roll-ups. */
export const SERVED_WINDOW_SECONDS = [BASE_WINDOW_SECONDS, ...ROLL_UP_WINDOW_SECONDS] as const;
export const METRICS_TABLE = 'trailpulse-metrics';
/**
 * The bulk store worker's niceness (Linux): its merges may wait seconds, the live feed's may not.
 * With every core busy the scheduler then gives the ingest thread and the live merges the CPU first,
 * and the bulk rows catch up when there is room (their backlog is bounded: a source waits once its
 * bulk rows are a minute of live groups behind, batch-pipeline.ts).
 */
export const BULK_WORKER_NICENESS = 10;
/**
 * Rows the live store worker keeps decoded: it merges into the all-accounts 10 s rows of the
 * windows still open or just closed (two or three), and a closed window's row, kept, only took heap.
 */
const LIVE_ROW_CACHE_ENTRIES = 8;
/** The HTTP ingest journal's folder in the data dir. */
export const INGEST_JOURNAL_DIR = 'ingest-journal';
/** How often windows are checked for closing: well under the 1 s the live feed promises. */
export const CLOSE_TICK_MS = 250;
/** With no batch for this long, the current windows close too (the sources went quiet). */
export const IDLE_FLUSH_MS = 3_000;
/**
 * Locally every stored window length is kept for a century, i.e. as long as the data dir exists.
 * The store's default tiers (10 s rows for a day past the window's end, 60 s for 14 days) count
 * from event time, so a replay of last month's trail was hidden from every query and from the
 * closer the moment it was merged. Nothing deletes expired rows locally anyway (dynalite has no
 * TTL): hiding them lost data without saving disk. Deleting the data dir is the way to free space.
 */
export const LOCAL_RETENTION_SECONDS: Readonly<Record<number, number>> = Object.freeze(
  Object.fromEntries(SERVED_WINDOW_SECONDS.map((seconds) => [seconds, 100 * 365 * 86_400])),
);

export interface RuntimeOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly sources: SourcePlan;
  /** Custom metric definitions stored on the first start (later starts keep what is stored). */
  readonly seedMetricsFile?: string;
  /** The built dashboard; absent: `/` explains how to build it. */
  readonly staticDir?: string;
  readonly scheduler?: Scheduler;
  readonly logger?: Logger;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly recentEventsCapacity?: number;
  /** How often the bulk rows are merged (BatchPipelineDeps.bulkFlushIntervalMs). @default DEFAULT_BULK_FLUSH_INTERVAL_MS */
  readonly bulkFlushIntervalMs?: number;
}

export interface Runtime {
  readonly url: string;
  /** The dashboard URL with a fresh one-time login token. */
  loginUrl(): string;
  readonly token: string;
  readonly tokenOrigin: string;
  readonly stats: IngestStats;
  readonly store: MetricsStore;
  /** Resolves when every finite source (replays) has been merged and its windows closed. */
  readonly sourcesDone: Promise<void>;
  readonly seededMetrics: readonly string[];
  close(): Promise<void>;
}

/**
 * The whole local pipeline: embedded DynamoDB on disk, the sources (each resumed from its
 * checkpoint), the batch pipeline into the store, the window closer with anomaly scores and live
 * push, and the HTTP + WebSocket API serving the dashboard, all on 127.0.0.1.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const logger = options.logger ?? silentLogger;
  const scheduler = options.scheduler ?? systemScheduler;
  // The embedded DynamoDB and the live merges run on one store worker thread, the bulk merges on another; this thread reads over the endpoint.
  const storeWorker = await StoreWorker.start({ dynamo: { dir: join(options.dataDir, 'dynamodb') }, tableName: METRICS_TABLE, retention: LOCAL_RETENTION_SECONDS, rowCacheEntries: LIVE_ROW_CACHE_ENTRIES });
  const client = createLocalDynamoClient(storeWorker.endpoint);
  const cleanup: (() => Promise<void>)[] = [async () => client.destroy(), () => storeWorker.close()];
  try {
    const bulkWorker = await StoreWorker.start({ dynamo: { endpoint: storeWorker.endpoint }, tableName: METRICS_TABLE, retention: LOCAL_RETENTION_SECONDS, niceness: BULK_WORKER_NICENESS });
    // Closed before the worker that owns the embedded DynamoDB (cleanup runs front to back).
    cleanup.unshift(() => bulkWorker.close());
    const store = createMetricsStore({ client, tableName: METRICS_TABLE, retention: LOCAL_RETENTION_SECONDS });
    const stats = new IngestStats();
    const recent = new RecentEvents(options.recentEventsCapacity);
    const custom = new CustomMetricsRegistry(store);
    const { seeded } = await custom.load(options.seedMetricsFile);
    // HTTP ingest is journaled before each 202 (sources/push/ingest-journal.ts): a restart reads back what no row holds yet.
    const journal = await IngestJournal.open(join(options.dataDir, INGEST_JOURNAL_DIR));
    cleanup.unshift(() => journal.close());
    const logError = (what: string) => (error: unknown) => logger.error(what, { error: error instanceof Error ? error.message : String(error) });
    const { all, ingest } = createSources(options.sources, scheduler, {
      journal,
      parse: async ({ format, chunks }: PushedBody) => {
        const { records } = await parseIngestBody(chunks, format);
        return { records: records.parsed.map((accepted) => accepted.record), scanned: records.scanned };
      },
      onDamaged: (message) => logger.error('the ingest journal is damaged', { message }),
    });
    const checkpoints = new StoreCheckpoints(store);
    // Requests may come before the ingest source starts: their seqs must come after what the store holds.
    ingest.resumeAfter(await checkpoints.latestSeq(ingest.id));
    const backend = new LocalBackend({ store, recent, custom, ingest, windowSeconds: SERVED_WINDOW_SECONDS });
    const closer = new WindowCloser({ store, windowSeconds: SERVED_WINDOW_SECONDS, customMetrics: () => custom.current(), publish: (m) => backend.publish(m) });
    await closer.start();

    const token = await loadOrCreateApiToken(options.dataDir, options.env ?? process.env);
    const auth = new Authenticator({ apiToken: token.token });
    const server = createApiServer({ backend, auth, logger, ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }) });
    const url = await server.listen(options.port);
    cleanup.unshift(() => server.close());

    const abort = new AbortController();
    let lastBatchAt = scheduler.now();
    let flushedSinceLastBatch = false;
    const writers = new Set<SourcePipeline>();
    // Before the closer flushes the current windows, every held batch is merged: what it reads is complete.
    const flushWriters = async (): Promise<void> => {
      await Promise.allSettled([...writers].map((writer) => writer.flush()));
    };
    const runSource = async (source: Source): Promise<void> => {
      // Where the source resumes; a data dir of an earlier version gets its bulk checkpoint first (store-checkpoints.ts).
      await checkpoints.load(source.id);
      // The closer sees a group's watermark only once the group is in the rows of that length (batch-pipeline.ts).
      const observe = (lengths: readonly number[]) => (group: AccumulatedGroup) => {
        closer.observe(group.maxEventTimeMs, group.windowStartsMs, lengths);
        closer.tick().catch(logError('closing windows failed'));
      };
      const observeRollUps = observe(ROLL_UP_WINDOW_SECONDS);
      const writer = await openSourcePipeline(
        source.id,
        {
          store,
          recent,
          stats,
          customMetrics: () => custom.current(),
          writer: storeWorker,
          bulkWriter: bulkWorker,
          ...(options.bulkFlushIntervalMs === undefined ? {} : { bulkFlushIntervalMs: options.bulkFlushIntervalMs }),
        },
        {
          onLiveMerged: observe([BASE_WINDOW_SECONDS]),
          onBulkMerged: (group) => {
            observeRollUps(group);
            // Every row holds the group's requests now: the journal no longer needs them.
            if (source === ingest) ingest.released(group.seq).catch(logError('releasing ingest journal segments failed'));
          },
        },
      );
      writers.add(writer);
      try {
        const batches = await startFromCheckpoint(source, checkpoints, abort.signal);
        for await (const batch of batches) {
          await writer.add(batch);
          lastBatchAt = scheduler.now();
          flushedSinceLastBatch = false;
        }
        await writer.close();
      } catch (error) {
        await writer.close().catch(() => undefined);
        throw error;
      } finally {
        writers.delete(writer);
      }
    };
    const finite = all.filter((source) => source !== ingest && source.id.startsWith('replay:'));
    const running = all.map((source) =>
      runSource(source).catch((error: unknown) => {
        if (abort.signal.aborted) return;
        logger.error(`source ${source.id} stopped`, { error: error instanceof Error ? error.message : String(error) });
      }),
    );
    const sourcesDone = Promise.all(finite.map((source) => running[all.indexOf(source)])).then(() => closer.tick(true));

    const ticker = setInterval(() => {
      const idle = scheduler.now() - lastBatchAt >= IDLE_FLUSH_MS;
      const flush = idle && !flushedSinceLastBatch;
      if (flush) flushedSinceLastBatch = true;
      (flush ? flushWriters().then(() => closer.tick(true)) : closer.tick()).catch(logError('closing windows failed'));
    }, CLOSE_TICK_MS);
    cleanup.unshift(async () => {
      clearInterval(ticker);
      abort.abort();
      await Promise.allSettled(running);
      await closer.tick().catch(() => undefined);
    });

    return {
      url,
      loginUrl: () => server.loginUrl(),
      token: token.token,
      tokenOrigin: token.origin,
      stats,
      store,
      sourcesDone,
      seededMetrics: seeded,
      close: async () => {
        for (const step of cleanup.splice(0)) await step().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const step of cleanup.splice(0)) await step().catch(() => undefined);
    throw error;
  }
}
