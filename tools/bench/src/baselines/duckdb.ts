// Baseline: DuckDB computing the engine's per-window metrics with SQL over the NDJSON file.
// Everything is timed together: reading and projecting the file, classifying the operations
// and the metric queries, as a user of DuckDB would have to do to get the same answer.
import { availableParallelism } from 'node:os';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type BaselineWindow, type WindowQuery } from './baseline-window';
import { operationCategories } from './sql/category-table';
import { API_CALL_FILTER_SQL, callColumnsSql, metricQueries } from './sql/metric-queries';
import { assembleWindows } from './sql/metric-rows';
import { type SqlRow, toKeyedCountRows, toOperationPairs, toTotalsRows } from './sql/row-values';

/** DuckDB failed; `cause` is the driver's error. */
export class DuckDbBaselineError extends Error {
  override readonly name = 'DuckDbBaselineError';
}

/**
 * Only the fields the metrics need, with their types, so read_json neither samples the file to
 * guess a schema nor materializes the rest of each record. Text columns receive JSON booleans
 * as 'true'/'false', which is what the readOnly rule compares against.
 */
const NDJSON_COLUMNS =
  "{eventTime: 'TIMESTAMPTZ', eventSource: 'VARCHAR', eventName: 'VARCHAR', eventType: 'VARCHAR', readOnly: 'VARCHAR', " +
  "errorCode: 'VARCHAR', sourceIPAddress: 'VARCHAR', userIdentity: 'STRUCT(arn VARCHAR, sessionContext STRUCT(sessionIssuer " +
  "STRUCT(arn VARCHAR)), userName VARCHAR, principalId VARCHAR, invokedBy VARCHAR, \"type\" VARCHAR)'}";

/** A DuckDB string literal (DuckDB does not interpret backslashes). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

async function rows(connection: DuckDBConnection, sql: string): Promise<SqlRow[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS();
}

async function loadCalls(connection: DuckDBConnection, file: string, windowMs: number): Promise<void> {
  // Windows aligned to multiples of the length since the epoch; floor (not truncating division) keeps that true before 1970.
  const windowStart = `CAST(floor(epoch_ms(eventTime) / ${windowMs}) AS BIGINT) * ${windowMs}`;
  await connection.run(`CREATE TABLE calls AS SELECT
  ${callColumnsSql(windowStart)}
FROM read_json(${literal(file)}, format = 'newline_delimited', columns = ${NDJSON_COLUMNS})
WHERE ${API_CALL_FILTER_SQL}`);
}

async function loadCategories(connection: DuckDBConnection): Promise<void> {
  const pairs = toOperationPairs(await rows(connection, 'SELECT DISTINCT event_source, event_name FROM calls'));
  await connection.run('CREATE TABLE categories (event_source VARCHAR, event_name VARCHAR, category VARCHAR)');
  const appender = await connection.createAppender('categories');
  for (const row of operationCategories(pairs)) {
    appender.appendVarchar(row.eventSource);
    appender.appendVarchar(row.eventName);
    appender.appendVarchar(row.category);
    appender.endRow();
  }
  appender.closeSync();
}

export interface DuckDbOptions extends WindowQuery {
  /** DuckDB worker threads; defaults to every core, as the engine's multi-core path may use. */
  readonly threads?: number;
}

/** The per-window metrics of an NDJSON CloudTrail file, computed by DuckDB. */
export async function duckdbWindowMetrics(file: string, options: DuckDbOptions): Promise<BaselineWindow[]> {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run(`SET threads = ${options.threads ?? availableParallelism()}`);
    await loadCalls(connection, file, options.windowSeconds * 1000);
    await loadCategories(connection);
    const queries = metricQueries(options.topK);
    return assembleWindows(
      {
        totals: toTotalsRows(await rows(connection, queries.totals)),
        services: toKeyedCountRows(await rows(connection, queries.services)),
        categories: toKeyedCountRows(await rows(connection, queries.categories)),
        topApiCalls: toKeyedCountRows(await rows(connection, queries.topApiCalls)),
        topUsers: toKeyedCountRows(await rows(connection, queries.topUsers)),
        topIps: toKeyedCountRows(await rows(connection, queries.topIps)),
      },
      options,
    );
  } catch (cause) {
    throw new DuckDbBaselineError(`DuckDB could not compute the metrics of ${file}`, { cause });
  } finally {
    connection?.closeSync();
    instance?.closeSync();
  }
}
