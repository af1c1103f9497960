import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type BatchSequence, decodeSequence, encodeSequence } from '../batch/sequence';
import { CorruptRowError } from '../errors';
import { type StoreContext } from '../store-context';
import { checkpointKey } from '../table/keys';
import { isConditionalCheckFailed } from '../write/backoff';

/** Where a source's replay stands: every batch up to `position` is merged into every row it touches. */
export interface Checkpoint {
  readonly source: string;
  /** Decimal digits (see batch/sequence.ts). */
  readonly position: string;
  /** What the runtime wants to remember besides the position (file name, offset, ...), as JSON. */
  readonly details?: unknown;
  readonly updatedAt: number;
}

const checkpointRowSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  kind: z.literal('checkpoint'),
  position: z.string(),
  details: z.string().optional(),
  updatedAt: z.number(),
});

/** @throws CorruptRowError when the stored checkpoint is not one. */
export async function readCheckpoint(ctx: StoreContext, source: string): Promise<Checkpoint | undefined> {
  const key = checkpointKey(source);
  const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }));
  if (Item === undefined) return undefined;
  const parsed = checkpointRowSchema.safeParse(Item);
  const position = parsed.success ? decodeSequence(parsed.data.position) : undefined;
  if (!parsed.success || position === undefined) throw new CorruptRowError(key, 'is not a checkpoint', { cause: parsed.error });
  let details: unknown;
  try {
    details = parsed.data.details === undefined ? undefined : JSON.parse(parsed.data.details);
  } catch (error) {
    throw new CorruptRowError(key, 'checkpoint details are not JSON', { cause: error });
  }
  return { source, position, ...(details === undefined ? {} : { details }), updatedAt: parsed.data.updatedAt };
}

/**
 * Moves the source's checkpoint to `position`, only forward (a conditional write: two runtimes
 * replaying the same source cannot move it back). Call it after the batch ending at `position`
 * is merged: the checkpoint then never runs ahead of the rows.
 * @returns false when the checkpoint was already at or past `position` (nothing changed).
 */
export async function advanceCheckpoint(ctx: StoreContext, source: string, position: BatchSequence, details?: unknown): Promise<boolean> {
  const key = checkpointKey(source);
  const encoded = encodeSequence(position, 'checkpoint position');
  try {
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: key,
        UpdateExpression: `SET #kind = :kind, #position = :position, #updated = :now${details === undefined ? ' REMOVE #details' : ', #details = :details'}`,
        ConditionExpression: 'attribute_not_exists(#position) OR #position < :position',
        // Every name aliased: DynamoDB reserves POSITION and hundreds of other words.
        ExpressionAttributeNames: { '#kind': 'kind', '#position': 'position', '#updated': 'updatedAt', '#details': 'details' },
        ExpressionAttributeValues: {
          ':kind': 'checkpoint',
          ':position': encoded,
          ':now': ctx.options.scheduler.now(),
          ...(details === undefined ? {} : { ':details': JSON.stringify(details) }),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** Forgets a source's checkpoint: its next replay starts from the beginning (and merges nothing twice, see README). */
export async function deleteCheckpoint(ctx: StoreContext, source: string): Promise<void> {
  await ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: checkpointKey(source) }));
}
