/** A real dynalite on disk (127.0.0.1, free port, temp dir) with the metrics table, for the tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createLocalDynamoClient,
  createMetricsStore,
  createMetricsTable,
  type LocalDynamo,
  type MetricsStore,
  type StoreOptions,
  type StoreScheduler,
  startLocalDynamo,
} from '../src';
import { BASE_MS } from './records';

export const TABLE = 'trailpulse-metrics-test';

export interface LocalStore {
  readonly dynamo: LocalDynamo;
  readonly client: DynamoDBClient;
  readonly store: MetricsStore;
  /** Another store instance on the same table (another writer process, in effect). */
  openStore(options?: StoreOptions): MetricsStore;
  /** Stops dynalite and the client; the data directory stays (see `remove`). */
  close(): Promise<void>;
  /** close() and delete the data directory. */
  remove(): Promise<void>;
}

export async function makeTempDir(prefix = 'metrics-store-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/**
 * The test records are from 2024: a store on the system clock would consider their 10 s rows
 * expired a day later. Tests run on this clock, an hour after BASE_MS, unless they say otherwise.
 */
export const testScheduler: StoreScheduler = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  now: () => BASE_MS + 3_600_000,
};

export async function openLocalStore(dataDir: string, options: StoreOptions = {}): Promise<LocalStore> {
  const dynamo = await startLocalDynamo({ dataDir });
  const client = createLocalDynamoClient(dynamo.endpoint);
  await createMetricsTable(client, TABLE);
  const openStore = (extra: StoreOptions = {}): MetricsStore => createMetricsStore({ client, tableName: TABLE, scheduler: testScheduler, ...options, ...extra });
  const close = async (): Promise<void> => {
    client.destroy();
    await dynamo.close();
  };
  return {
    dynamo,
    client,
    store: openStore(),
    openStore,
    close,
    remove: async () => {
      await close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh store (its own dynalite and temp dir) for every test of the calling `describe`, removed
 * after it; `onOpen` receives it (and may prepare it) before each test. `current`: the store to
 * remove when a test replaces the one it was given (a restart on the same directory).
 */
export function useFreshLocalStore(onOpen: (local: LocalStore) => void | Promise<void>, current?: () => LocalStore): void {
  let local: LocalStore | undefined;
  beforeEach(async () => {
    local = await openLocalStore(await makeTempDir());
    await onOpen(local);
  });
  afterEach(async () => {
    await (current?.() ?? local)?.remove();
  });
}
