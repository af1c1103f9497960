// The SQL of the per-window metrics, written in the subset DuckDB and ClickHouse (chDB) share,
// so both baselines run the same statements over a `calls` table and a `categories` table.
import { readOnlyRuleSql } from './category-table';

/**
 * metrics.md "Identity key": the first non-empty of six userIdentity fields, else "unknown".
 * NULLIF turns "" into NULL so COALESCE skips empty strings as the spec requires.
 */
export const IDENTITY_KEY_SQL =
  "COALESCE(NULLIF(userIdentity.arn, ''), NULLIF(userIdentity.sessionContext.sessionIssuer.arn, ''), " +
  "NULLIF(userIdentity.userName, ''), NULLIF(userIdentity.principalId, ''), NULLIF(userIdentity.invokedBy, ''), " +
  "NULLIF(userIdentity.\"type\", ''), 'unknown')";

/** metrics.md `topIps`: sourceIPAddress as recorded, "unknown" when absent. */
export const SOURCE_IP_SQL = "COALESCE(NULLIF(sourceIPAddress, ''), 'unknown')";

/** metrics.md `ec2SuccessfulCalls`: EC2 calls whose errorCode is absent, null or "". */
export const EC2_SUCCESS_SQL = "CASE WHEN eventSource = 'ec2.amazonaws.com' AND COALESCE(errorCode, '') = '' THEN 1 ELSE 0 END";

/**
 * Accepted API calls only: metrics.md accepts records with an eventTime and non-empty
 * eventSource and eventName, and counts those whose eventType is "AwsApiCall" or absent.
 */
export const API_CALL_FILTER_SQL =
  "eventTime IS NOT NULL AND COALESCE(eventSource, '') <> '' AND COALESCE(eventName, '') <> '' " +
  "AND (eventType = 'AwsApiCall' OR COALESCE(eventType, '') = '')";

/** The select list of the `calls` table, given the dialect's expression for the window start in ms. */
export function callColumnsSql(windowStartMsSql: string): string {
  return [
    `${windowStartMsSql} AS window_start`,
    'eventSource AS event_source',
    'eventName AS event_name',
    'readOnly AS read_only',
    `${IDENTITY_KEY_SQL} AS identity`,
    `${SOURCE_IP_SQL} AS source_ip`,
    `${EC2_SUCCESS_SQL} AS ec2_success`,
  ].join(',\n  ');
}

export interface MetricQueries {
  readonly totals: string;
  readonly services: string;
  readonly categories: string;
  readonly topApiCalls: string;
  readonly topUsers: string;
  readonly topIps: string;
}

/** Every key ranked within the top K by count in its window, boundary ties included. */
function topCandidatesSql(keySql: string, topK: number): string {
  return `SELECT window_start, key, count FROM (
  SELECT window_start, key, count, rank() OVER (PARTITION BY window_start ORDER BY count DESC) AS by_count
  FROM (SELECT window_start, ${keySql} AS key, CAST(count(*) AS INTEGER) AS count FROM calls GROUP BY window_start, ${keySql}) AS counted
) AS ranked WHERE by_count <= ${topK}`;
}

export function metricQueries(topK: number): MetricQueries {
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError(`topK must be a positive integer, got ${topK}`);
  return {
    totals: 'SELECT window_start, CAST(count(*) AS INTEGER) AS total_calls, CAST(sum(ec2_success) AS INTEGER) AS ec2_successful_calls FROM calls GROUP BY window_start',
    services: 'SELECT window_start, event_source AS key, CAST(count(*) AS INTEGER) AS count FROM calls GROUP BY window_start, event_source',
    categories: `SELECT window_start, ${readOnlyRuleSql('c.read_only', 'm.category')} AS key, CAST(count(*) AS INTEGER) AS count
FROM calls AS c JOIN categories AS m ON c.event_source = m.event_source AND c.event_name = m.event_name
GROUP BY window_start, key`,
    topApiCalls: topCandidatesSql("event_source || ':' || event_name", topK),
    topUsers: topCandidatesSql('identity', topK),
    topIps: topCandidatesSql('source_ip', topK),
  };
}
