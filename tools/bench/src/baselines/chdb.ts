// Baseline: chDB (ClickHouse embedded) computing the engine's per-window metrics with SQL over
// the NDJSON file, the same statements as the DuckDB baseline in ClickHouse's dialect.
import { availableParallelism } from 'node:os';
import { type BaselineWindow, type WindowQuery } from './baseline-window';
import { type ChdbModule, type ChdbSession } from './chdb-module';
import { operationCategories } from './sql/category-table';
import { API_CALL_FILTER_SQL, callColumnsSql, metricQueries } from './sql/metric-queries';
import { assembleWindows } from './sql/metric-rows';
import { type SqlRow, toKeyedCountRows, toOperationPairs, toTotalsRows } from './sql/row-values';

/** chDB failed; `cause` is its error. */
export class ChdbBaselineError extends Error {
  override readonly name = 'ChdbBaselineError';
}

/** Only the fields the metrics need, typed, so ClickHouse does not infer a schema from the data. */
const NDJSON_STRUCTURE =
  "eventTime Nullable(DateTime64(3, 'UTC')), eventSource Nullable(String), eventName Nullable(String), " +
  'eventType Nullable(String), readOnly Nullable(String), errorCode Nullable(String), sourceIPAddress Nullable(String), ' +
  'userIdentity Tuple(arn Nullable(String), sessionContext Tuple(sessionIssuer Tuple(arn Nullable(String))), ' +
  'userName Nullable(String), principalId Nullable(String), invokedBy Nullable(String), type Nullable(String))';

/** A ClickHouse string literal: backslashes are escapes in ClickHouse, so both they and quotes are escaped. */
function literal(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function rows(session: ChdbSession, sql: string): SqlRow[] {
  const text = session.query(sql, 'JSONEachRow');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as SqlRow);
}

function loadCalls(session: ChdbSession, file: string, windowMs: number, threads: number): void {
  // Windows aligned to multiples of the length since the epoch; floor (not intDiv, which truncates) keeps that true before 1970.
  const windowStart = `toInt64(floor(toUnixTimestamp64Milli(eventTime) / ${windowMs})) * ${windowMs}`;
  session.query(`CREATE TABLE calls ENGINE = Memory AS SELECT
  ${callColumnsSql(windowStart)}
FROM file(${literal(file)}, 'JSONEachRow', ${literal(NDJSON_STRUCTURE)})
WHERE ${API_CALL_FILTER_SQL}
SETTINGS date_time_input_format = 'best_effort', max_threads = ${threads}`);
}

function loadCategories(session: ChdbSession): void {
  const pairs = toOperationPairs(rows(session, 'SELECT DISTINCT event_source, event_name FROM calls'));
  session.query('CREATE TABLE categories (event_source String, event_name String, category String) ENGINE = Memory');
  const values = operationCategories(pairs).map((row) => `(${literal(row.eventSource)}, ${literal(row.eventName)}, ${literal(row.category)})`);
  if (values.length > 0) session.query(`INSERT INTO categories VALUES ${values.join(', ')}`);
}

export interface ChdbOptions extends WindowQuery {
  readonly threads?: number;
}

/** The per-window metrics of an NDJSON CloudTrail file, computed by chDB. */
export function chdbWindowMetrics(chdb: ChdbModule, file: string, options: ChdbOptions): BaselineWindow[] {
  const threads = options.threads ?? availableParallelism();
  const session = new chdb.Session();
  try {
    session.query(`SET max_threads = ${threads}`);
    loadCalls(session, file, options.windowSeconds * 1000, threads);
    loadCategories(session);
    const queries = metricQueries(options.topK);
    return assembleWindows(
      {
        totals: toTotalsRows(rows(session, queries.totals)),
        services: toKeyedCountRows(rows(session, queries.services)),
        categories: toKeyedCountRows(rows(session, queries.categories)),
        topApiCalls: toKeyedCountRows(rows(session, queries.topApiCalls)),
        topUsers: toKeyedCountRows(rows(session, queries.topUsers)),
        topIps: toKeyedCountRows(rows(session, queries.topIps)),
      },
      options,
    );
  } catch (cause) {
    throw new ChdbBaselineError(`chDB could not compute the metrics of ${file}`, { cause });
  } finally {
    session.cleanup();
  }
}
