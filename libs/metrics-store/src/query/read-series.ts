import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CorruptRowError } from '../errors';
import { loadQueriedBody, type LoadedRow, parseWindowRow } from '../row/row-io';
import { type StoreContext } from '../store-context';
import { type SeriesId, seriesPartitionKey, startSortKey } from '../table/keys';

export interface SeriesRead {
  readonly rows: LoadedRow[];
  readonly problems: CorruptRowError[];
}

/**
 * The first `limit` window rows of one series with start in [fromMs, toMs), in start order: one
 * Query on the series' partition (sk BETWEEN), never a Scan. Rows past their TTL are skipped
 * (DynamoDB deletes expired items lazily; dynalite never does). An unreadable row is reported in
 * `problems` and skipped; it does not fail the read.
 */
export async function readSeries(ctx: StoreContext, series: SeriesId, fromMs: number, toMs: number, limit: number, consistentRead: boolean): Promise<SeriesRead> {
  const rows: LoadedRow[] = [];
  const problems: CorruptRowError[] = [];
  const nowSeconds = Math.floor(ctx.options.scheduler.now() / 1000);
  let startKey: Record<string, unknown> | undefined;
  let counted = 0;
  do {
    const page = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': seriesPartitionKey(series), ':from': startSortKey(fromMs), ':to': startSortKey(toMs - 1) },
        ConsistentRead: consistentRead,
        Limit: Math.min(limit - counted, 1000),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      if (typeof item['expiresAt'] === 'number' && item['expiresAt'] < nowSeconds) continue;
      counted++;
      try {
        rows.push(await loadQueriedBody(ctx, parseWindowRow(item)));
      } catch (error) {
        if (!(error instanceof CorruptRowError)) throw error;
        problems.push(error);
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined && counted < limit);
  return { rows, problems };
}
