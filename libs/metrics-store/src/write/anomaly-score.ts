import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expiresAtFor } from '../config/retention';
import { StoreInputError } from '../errors';
import { type StoreContext } from '../store-context';
import { ALL, windowKey } from '../table/keys';

export interface AnomalyScoreInput {
  readonly windowSeconds: number;
  readonly startMs: number;
  /** The series scored; default the aggregate (all accounts, all regions), the dashboard's main series. */
  readonly account?: string;
  readonly region?: string;
  /** A finite number >= 0 (metrics.md anomalyScore). */
  readonly score: number;
}

/**
 * Stores the anomaly score the writer computed for a window of a series when it closed. Setting
 * is idempotent; it bumps the row's version, so a merge that read the row before does not
 * overwrite the score with its stale copy. A row that does not exist yet is created holding only
 * the score (its partial arrives with the next merge).
 */
export async function setAnomalyScore(ctx: StoreContext, input: AnomalyScoreInput): Promise<void> {
  const { windowSeconds, startMs, score } = input;
  if (!Number.isFinite(score) || score < 0) throw new StoreInputError(`anomaly score must be a finite number >= 0, got ${score}`);
  const account = input.account ?? ALL;
  const region = input.region ?? ALL;
  const key = windowKey({ windowSeconds, account, region, startMs });
  const expiresAt = expiresAtFor(ctx.options.retention, windowSeconds, startMs);
  await ctx.doc.send(
    new UpdateCommand({
      TableName: ctx.tableName,
      Key: key,
      // Every name aliased: DynamoDB reserves hundreds of words (REGION among them).
      UpdateExpression:
        'SET #score = :score, #v = if_not_exists(#v, :zero) + :one, #kind = :kind, #ws = :ws, #start = :start, #account = :account, #region = :region, ' +
        '#expires = if_not_exists(#expires, :expires), #updated = :now',
      ExpressionAttributeNames: {
        '#score': 'anomalyScore',
        '#v': 'v',
        '#kind': 'kind',
        '#ws': 'ws',
        '#start': 'startMs',
        '#account': 'account',
        '#region': 'region',
        '#expires': 'expiresAt',
        '#updated': 'updatedAt',
      },
      ExpressionAttributeValues: {
        ':score': score,
        ':zero': 0,
        ':one': 1,
        ':kind': 'window',
        ':ws': windowSeconds,
        ':start': startMs,
        ':account': account,
        ':region': region,
        ':expires': expiresAt,
        ':now': ctx.options.scheduler.now(),
      },
    }),
  );
}
