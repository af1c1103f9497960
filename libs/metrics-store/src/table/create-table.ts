import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { MetricsStoreError } from '../errors';
import { metricsTableDefinition, TTL_ATTRIBUTE } from './table-definition';

export interface CreateTableResult {
  /** False when the table already existed (nothing changed). */
  readonly created: boolean;
  /** False where the endpoint has no TTL API (dynalite): expired rows then stay until deleted, and reads skip them. */
  readonly ttlEnabled: boolean;
}

export interface CreateTableOptions {
  /** How long to wait for the table to become ACTIVE (default 60 s). */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

/**
 * Creates the metrics table if it does not exist, waits until it is ACTIVE and enables TTL on
 * `expiresAt`. Idempotent: an existing table is left as it is.
 * @throws MetricsStoreError when the table does not become ACTIVE in time.
 */
export async function createMetricsTable(client: DynamoDBClient, tableName: string, options: CreateTableOptions = {}): Promise<CreateTableResult> {
  let created = true;
  try {
    await client.send(new CreateTableCommand(metricsTableDefinition(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    created = false;
  }
  await waitUntilActive(client, tableName, options.timeoutMs ?? 60_000, options.pollMs ?? 100);
  const ttlEnabled = created ? await enableTtl(client, tableName) : await ttlIsOn(client, tableName);
  return { created, ttlEnabled };
}

async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    if (Date.now() >= deadline) throw new MetricsStoreError(`table ${tableName} did not become ACTIVE within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** dynalite answers UpdateTimeToLive with UnknownOperationException: TTL is then a no-op locally. */
async function enableTtl(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'UnknownOperationException') return false;
    throw error;
  }
}

async function ttlIsOn(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  return (status === 'ENABLED' || status === 'ENABLING') && TimeToLiveDescription?.AttributeName === TTL_ATTRIBUTE;
}
