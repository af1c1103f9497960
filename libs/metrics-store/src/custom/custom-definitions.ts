import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type CustomMetricDefinition, CustomMetricDefinitionError, validateCustomMetricDefinitions } from '@trailpulse/analytics';
import { z } from 'zod';
import { CorruptRowError, StoreInputError } from '../errors';
import { type StoreContext } from '../store-context';
import { customMetricKey, KEY_PREFIX } from '../table/keys';
import { isConditionalCheckFailed } from '../write/backoff';

/** A stored custom metric definition (normalized by the engine's schema) with its version. */
export interface StoredCustomMetric {
  readonly definition: CustomMetricDefinition;
  /** 1 for a new definition, +1 per change: the `expectedVersion` of the next put. */
  readonly version: number;
  readonly updatedAt: number;
}

export interface CustomMetricList {
  readonly metrics: StoredCustomMetric[];
  /** Rows that could not be read; the others are still listed. */
  readonly problems: CorruptRowError[];
}

const customRowSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  kind: z.literal('custom-metric'),
  definition: z.string(),
  v: z.number().int().positive(),
  updatedAt: z.number(),
});

/**
 * Validates `value` as one definition (the engine's schema: defaults filled, `window` normalized)
 * and stores it under its id. With `expectedVersion`, the put only succeeds if the stored version
 * is still that one (0: must not exist yet), so two editors cannot overwrite each other unseen.
 * @throws CustomMetricDefinitionError for an invalid definition; StoreInputError when
 * `expectedVersion` does not match.
 */
export async function putCustomMetric(ctx: StoreContext, value: unknown, expectedVersion?: number): Promise<StoredCustomMetric> {
  if (Array.isArray(value) || (typeof value === 'object' && value !== null && 'metrics' in value)) {
    throw new StoreInputError('put one custom metric definition at a time, not a list or a { metrics } file');
  }
  const [definition] = validateCustomMetricDefinitions(value, 'custom metric definition') as [CustomMetricDefinition];
  const key = customMetricKey(definition.id);
  for (;;) {
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }));
    let have = 0;
    if (Item !== undefined) {
      try {
        have = parseCustomRow(Item).version;
      } catch (error) {
        // A damaged row is replaced by a valid definition, unless the caller insists on a version.
        if (!(error instanceof CorruptRowError) || expectedVersion !== undefined) throw error;
        have = typeof Item['v'] === 'number' ? Item['v'] : 0;
      }
    }
    if (expectedVersion !== undefined && have !== expectedVersion) {
      throw new StoreInputError(`custom metric "${definition.id}" is at version ${have}, not ${expectedVersion}: reload it and apply the change again`);
    }
    const stored: StoredCustomMetric = { definition, version: have + 1, updatedAt: ctx.options.scheduler.now() };
    try {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: { ...key, kind: 'custom-metric', definition: JSON.stringify(definition), v: stored.version, updatedAt: stored.updatedAt },
          ...(Item === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : typeof Item['v'] === 'number'
              ? { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'v' }, ExpressionAttributeValues: { ':v': Item['v'] } }
              : { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': 'v' } }),
        }),
      );
      return stored;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      // Written by someone else meanwhile: with an expected version that is a conflict, otherwise go again on top of theirs.
      if (expectedVersion !== undefined) throw new StoreInputError(`custom metric "${definition.id}" was changed by someone else meanwhile`, { cause: error });
    }
  }
}

/** @throws CorruptRowError when the stored row is not a valid definition. */
export async function getCustomMetric(ctx: StoreContext, id: string): Promise<StoredCustomMetric | undefined> {
  const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: customMetricKey(id), ConsistentRead: true }));
  return Item === undefined ? undefined : parseCustomRow(Item);
}

export async function listCustomMetrics(ctx: StoreContext): Promise<CustomMetricList> {
  const metrics: StoredCustomMetric[] = [];
  const problems: CorruptRowError[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': KEY_PREFIX.customMetric },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      try {
        metrics.push(parseCustomRow(item));
      } catch (error) {
        if (!(error instanceof CorruptRowError)) throw error;
        problems.push(error);
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return { metrics, problems };
}

/** @returns false when there was no such definition. */
export async function deleteCustomMetric(ctx: StoreContext, id: string): Promise<boolean> {
  const { Attributes } = await ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: customMetricKey(id), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}

function parseCustomRow(item: Record<string, unknown>): StoredCustomMetric {
  const key = { pk: String(item['pk']), sk: String(item['sk']) };
  const row = customRowSchema.safeParse(item);
  if (!row.success) throw new CorruptRowError(key, 'is not a custom metric definition row', { cause: row.error });
  let definition: CustomMetricDefinition;
  try {
    [definition] = validateCustomMetricDefinitions(JSON.parse(row.data.definition), `stored custom metric ${key.sk}`) as [CustomMetricDefinition];
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof CustomMetricDefinitionError) throw new CorruptRowError(key, 'holds an invalid definition', { cause: error });
    throw error;
  }
  if (definition.id !== key.sk) throw new CorruptRowError(key, `holds the definition of "${definition.id}"`);
  return { definition, version: row.data.v, updatedAt: row.data.updatedAt };
}
