import { join } from 'node:path';
import { createLocalDynamoClient, createMetricsStore, createMetricsTable, type LocalDynamo, type MetricsStore, startLocalDynamo } from '@trailpulse/metrics-store';
import { Authenticator, createApiServer, loadOrCreateApiToken, type Logger, silentLogger } from '../http';
import { createSources, type Scheduler, type Source, type SourcePlan, startFromCheckpoint, systemScheduler } from '../sources';
import { BASE_WINDOW_SECONDS, mergeSourceBatch } from './batch-pipeline';
import { CustomMetricsRegistry } from './custom-metrics';
import { IngestStats } from './ingest-stats';
import { LocalBackend } from './local-backend';
import { RecentEvents } from './recent-events';
import { StoreCheckpoints } from './store-checkpoints';
import { WindowCloser } from './window-closer';

/** The window lengths the runtime serves: its base window and the store's roll-ups. */
export const SERVED_WINDOW_SECONDS = [BASE_WINDOW_SECONDS, 60, 3600] as const;
export const METRICS_TABLE = 'trailpulse-metrics';
/** How often windows are checked for closing: well under the 1 s the live feed promises. */
export const CLOSE_TICK_MS = 250;
/** With no batch for this long, the current windows close too (the sources went quiet). */
export const IDLE_FLUSH_MS = 3_000;

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
  const dynamo: LocalDynamo = await startLocalDynamo({ dataDir: join(options.dataDir, 'dynamodb') });
  const client = createLocalDynamoClient(dynamo.endpoint);
  const cleanup: (() => Promise<void>)[] = [async () => client.destroy(), () => dynamo.close()];
  try {
    await createMetricsTable(client, METRICS_TABLE);
    const store = createMetricsStore({ client, tableName: METRICS_TABLE });
    const stats = new IngestStats();
    const recent = new RecentEvents(options.recentEventsCapacity);
    const custom = new CustomMetricsRegistry(store);
    const { seeded } = await custom.load(options.seedMetricsFile);
    const { all, ingest } = createSources(options.sources, scheduler);
    const backend = new LocalBackend({ store, recent, custom, ingest, windowSeconds: SERVED_WINDOW_SECONDS });
    const closer = new WindowCloser({ store, windowSeconds: SERVED_WINDOW_SECONDS, customMetrics: () => custom.current(), publish: (m) => backend.publish(m) });
    await closer.start();

    const token = await loadOrCreateApiToken(options.dataDir, options.env ?? process.env);
    const auth = new Authenticator({ apiToken: token.token });
    const server = createApiServer({ backend, auth, logger, ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }) });
    const url = await server.listen(options.port);
    cleanup.unshift(() => server.close());

    const abort = new AbortController();
    const checkpoints = new StoreCheckpoints(store);
    let lastBatchAt = scheduler.now();
    let flushedSinceLastBatch = false;
    const runSource = async (source: Source): Promise<void> => {
      const batches = await startFromCheckpoint(source, checkpoints, abort.signal);
      for await (const batch of batches) {
        const merged = await mergeSourceBatch(batch, { store, recent, stats, customMetrics: () => custom.current() });
        closer.observe(merged.maxEventTimeMs, merged.windowStartsMs);
        lastBatchAt = scheduler.now();
        flushedSinceLastBatch = false;
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
      closer.tick(flush).catch((error: unknown) => logger.error('closing windows failed', { error: error instanceof Error ? error.message : String(error) }));
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
