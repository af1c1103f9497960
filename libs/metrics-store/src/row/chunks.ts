import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type StoreContext } from '../store-context';
import { chunkPartitionKey, chunkSortKey, type TableKey } from '../table/keys';
import { mapWithConcurrency } from '../util/pool';
import { bodyDigest } from './body-codec';
import { chunkRowSchema } from './window-row';

/** Chunks of a body generation are missing or do not add up: the body was replaced meanwhile, or damaged. */
export class ChunksUnreadableError extends Error {
  override readonly name = 'ChunksUnreadableError';
}

/** Splits `bytes` into chunk rows of one new generation. Nothing points at them until the window row commits. */
export async function writeChunks(ctx: StoreContext, row: TableKey, generation: string, bytes: Uint8Array, expiresAt: number): Promise<number> {
  const size = ctx.options.chunkBytes;
  const count = Math.ceil(bytes.length / size);
  const pk = chunkPartitionKey(row, generation);
  const indexes = Array.from({ length: count }, (_, i) => i);
  await mapWithConcurrency(indexes, ctx.options.concurrency, (i) =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { pk, sk: chunkSortKey(i), kind: 'chunk', data: bytes.subarray(i * size, (i + 1) * size), expiresAt },
      }),
    ),
  );
  return count;
}

/**
 * The body of generation `generation`, checked against its chunk count and digest.
 * @throws ChunksUnreadableError when chunks are missing, extra, malformed or do not match the digest.
 */
export async function readChunks(ctx: StoreContext, row: TableKey, generation: string, count: number, digest: string | undefined): Promise<Uint8Array> {
  const pk = chunkPartitionKey(row, generation);
  const parts: Uint8Array[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const chunk = chunkRowSchema.safeParse(item);
      if (!chunk.success) throw new ChunksUnreadableError(`chunk ${String(item['sk'])} of generation ${generation} is malformed`, { cause: chunk.error });
      parts.push(chunk.data.data);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  if (parts.length !== count) throw new ChunksUnreadableError(`generation ${generation} has ${parts.length} of ${count} chunks`);
  const bytes = Buffer.concat(parts);
  if (digest !== undefined && bodyDigest(bytes) !== digest) throw new ChunksUnreadableError(`generation ${generation} does not match its digest`);
  return bytes;
}

/** Best effort: a chunk left behind by a crash is garbage nothing points at, and TTL removes it in the cloud. */
export async function deleteChunks(ctx: StoreContext, row: TableKey, generation: string, count: number): Promise<void> {
  const pk = chunkPartitionKey(row, generation);
  const indexes = Array.from({ length: count }, (_, i) => i);
  try {
    await mapWithConcurrency(indexes, ctx.options.concurrency, (i) =>
      ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: { pk, sk: chunkSortKey(i) } })),
    );
  } catch {
    // Garbage only: the committed row never points at these chunks.
  }
}
