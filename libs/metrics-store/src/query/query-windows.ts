import { type CompiledCustomMetricDefinition, type WindowResult } from '@trailpulse/analytics';
import { formatIsoMillis } from '@trailpulse/event-schema';
import { CorruptRowError, StoreInputError } from '../errors';
import { type CustomCatalog, customCatalog } from '../merge/custom-catalog';
import { DecodedWindow, SideStateError } from '../merge/decoded-window';
import { type LoadedRow } from '../row/row-io';
import { type StoredWindow } from '../row/stored-window';
import { keyOf } from '../row/window-row';
import { type SeriesRegistry } from '../series/series-registry';
import { type StoreContext } from '../store-context';
import { ALL } from '../table/keys';
import { mapWithConcurrency } from '../util/pool';
import { readSeries } from './read-series';

/** Windows per page when the caller does not say (a day of 1 min windows). */
export const DEFAULT_QUERY_LIMIT = 1440;
export const MAX_QUERY_LIMIT = 10_000;

export interface QueryWindowsInput {
  readonly windowSeconds: number;
  /** Half-open [fromMs, toMs) on window starts (api.md). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Only these accounts / regions (absent or empty: all). */
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  /** At most this many windows; `nextFromMs` says where the next page starts. */
  readonly limit?: number;
  /** The custom metrics to report in `metrics.custom` (states of other or older definitions are left out). */
  readonly customMetrics?: readonly CompiledCustomMetricDefinition[];
  /** Strongly consistent reads (twice the read cost; default false). */
  readonly consistentRead?: boolean;
}

export interface QueryWindowsResult {
  readonly windowSeconds: number;
  /** metrics.md per-window shape, sorted by start, only windows with at least one API call. */
  readonly windows: WindowResult[];
  /** Present when the range holds more windows than `limit`: the `fromMs` of the next page. */
  readonly nextFromMs?: number;
  /** Rows that could not be read or merged, each naming its key; the other rows are still answered. */
  readonly problems: CorruptRowError[];
}

/**
 * Windows of [fromMs, toMs) merged from the store. Without filters, one Query on the aggregate
 * series (all accounts, all regions). With filters, one Query per matching registered series, in
 * parallel (bounded), merged per window. `anomalyScore`: the stored score of the series when the
 * query reads exactly one (the aggregate, or one account in one region); otherwise the largest
 * stored score among the series merged, i.e. "the most anomalous matching series" (README.md).
 * @throws StoreInputError for a malformed range or limit.
 */
export async function queryWindows(ctx: StoreContext, registry: SeriesRegistry, input: QueryWindowsInput): Promise<QueryWindowsResult> {
  const { windowSeconds, fromMs, toMs } = input;
  const windowMs = windowSeconds * 1000;
  const limit = input.limit ?? DEFAULT_QUERY_LIMIT;
  if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1) throw new StoreInputError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
  if (!Number.isSafeInteger(fromMs) || !Number.isSafeInteger(toMs) || fromMs < 0 || toMs < fromMs) {
    throw new StoreInputError(`range must be whole epoch ms with 0 <= from <= to, got [${fromMs}, ${toMs})`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) throw new StoreInputError(`limit must be 1 to ${MAX_QUERY_LIMIT}, got ${limit}`);
  if (toMs === fromMs) return { windowSeconds, windows: [], problems: [] };
  const accounts = nonEmptySet(input.accounts);
  const regions = nonEmptySet(input.regions);
  const series =
    accounts === undefined && regions === undefined ? [{ account: ALL, region: ALL }] : await registry.list(accounts, regions);
  // Window starts are multiples of the window length: the first one at or after fromMs.
  const firstStart = Math.ceil(fromMs / windowMs) * windowMs;
  const reads = await mapWithConcurrency(series, ctx.options.concurrency, (s) =>
    readSeries(ctx, { windowSeconds, ...s }, firstStart, toMs, limit + 1, input.consistentRead ?? false),
  );
  const problems = reads.flatMap((read) => read.problems);
  const byStart = groupByStart(reads.flatMap((read) => read.rows));
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const pageStarts = starts.slice(0, limit);
  // A metric defined for another window length has no value at this one.
  const catalog = customCatalog(input.customMetrics?.filter((metric) => metric.windowSeconds === undefined || metric.windowSeconds === windowSeconds));
  const windows: WindowResult[] = [];
  for (const startMs of pageStarts) {
    const window = mergeWindow(ctx, byStart.get(startMs) as LoadedRow[], catalog, series.length === 1, problems);
    if (window !== undefined) windows.push(window);
  }
  const next = starts[limit];
  return { windowSeconds, windows, ...(next === undefined ? {} : { nextFromMs: next }), problems };
}

function nonEmptySet(values: readonly string[] | undefined): ReadonlySet<string> | undefined {
  return values === undefined || values.length === 0 ? undefined : new Set(values);
}

function groupByStart(rows: readonly LoadedRow[]): Map<number, LoadedRow[]> {
  const byStart = new Map<number, LoadedRow[]>();
  for (const loaded of rows) {
    const group = byStart.get(loaded.row.startMs);
    if (group === undefined) byStart.set(loaded.row.startMs, [loaded]);
    else group.push(loaded);
  }
  return byStart;
}

/** One window from its rows across series; a row that does not merge is a problem, the rest still count. */
function mergeWindow(ctx: StoreContext, rows: readonly LoadedRow[], catalog: CustomCatalog, singleSeries: boolean, problems: CorruptRowError[]): WindowResult | undefined {
  let merged: DecodedWindow | undefined;
  let score = 0;
  for (const { row, stored } of rows) {
    if (row.anomalyScore !== undefined) score = singleSeries ? row.anomalyScore : Math.max(score, row.anomalyScore);
    if (stored === undefined) continue;
    try {
      const window = DecodedWindow.fromStored(withKnownCustom(stored, catalog), ctx.options.sketchCapacity, 'stored');
      // Checked per row, so a damaged custom state names its row instead of failing the window.
      window.restoreCustom(catalog);
      if (merged === undefined) {
        // Decoded for this query alone: the first row becomes the window the others merge into.
        merged = window;
        merged.deferTruncation();
      } else {
        merged.merge(window, 'stored', catalog);
      }
    } catch (error) {
      if (!(error instanceof SideStateError)) throw error;
      problems.push(new CorruptRowError(keyOf(row), error.message, { cause: error }));
    }
  }
  if (merged === undefined || merged.totalCalls === 0) return undefined;
  const metrics = merged.toMetrics(ctx.options.topK, score);
  const custom = catalog.size === 0 ? undefined : merged.customResults(catalog);
  return {
    start: formatIsoMillis(merged.startMs),
    end: formatIsoMillis(merged.startMs + merged.windowMs),
    metrics: custom === undefined ? metrics : { ...metrics, custom },
  };
}

/** Only the states of metrics the query knows, in their current definition. */
function withKnownCustom(stored: StoredWindow, catalog: CustomCatalog): StoredWindow {
  const custom = Object.fromEntries(Object.entries(stored.custom).filter(([id, saved]) => catalog.get(id)?.fp === saved.fp));
  return { partial: stored.partial, custom };
}
