import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type StoreContext } from '../store-context';
import { escapeDimension, KEY_PREFIX, parseSeriesRegistrySortKey, seriesRegistryKey } from '../table/keys';
import { isConditionalCheckFailed } from '../write/backoff';
import { type SeriesDimensions } from '../batch/series';

/**
 * The (account, region) pairs that ever had a window row: what a filtered query fans out over
 * (one Query per matching series). One small row per pair, written once per store instance; the
 * in-memory set keeps later batches from writing it again.
 */
export class SeriesRegistry {
  private readonly known = new Set<string>();

  constructor(private readonly ctx: StoreContext) {}

  /** Registers pairs not yet known to this instance. Idempotent: an existing row is left as is. */
  async register(series: readonly SeriesDimensions[]): Promise<void> {
    for (const { account, region } of series) {
      const key = seriesRegistryKey(account, region);
      if (this.known.has(key.sk)) continue;
      try {
        await this.ctx.doc.send(
          new PutCommand({
            TableName: this.ctx.tableName,
            Item: { ...key, kind: 'series', account, region, createdAt: this.ctx.options.scheduler.now() },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      this.known.add(key.sk);
    }
  }

  /** Registered pairs, narrowed to `accounts` and `regions` when given (a single account is a key prefix). */
  async list(accounts: ReadonlySet<string> | undefined, regions: ReadonlySet<string> | undefined): Promise<SeriesDimensions[]> {
    const single = accounts?.size === 1 ? [...accounts][0] : undefined;
    const found: SeriesDimensions[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.ctx.doc.send(
        new QueryCommand({
          TableName: this.ctx.tableName,
          KeyConditionExpression: single === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: single === undefined ? { ':pk': KEY_PREFIX.series } : { ':pk': KEY_PREFIX.series, ':prefix': `${escapeDimension(single, 'account')}#` },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const series = parseSeriesRegistrySortKey(String(item['sk']));
        if (series === undefined) continue;
        if (accounts !== undefined && !accounts.has(series.account)) continue;
        if (regions !== undefined && !regions.has(series.region)) continue;
        found.push(series);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return found;
  }
}
