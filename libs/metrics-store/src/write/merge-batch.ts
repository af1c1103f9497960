import { type CompiledCustomMetricDefinition, type EngineTransfer, type WindowPartial } from '@trailpulse/analytics';
import { expiresAtFor, tierWindowLengths } from '../config/retention';
import { StoreInputError } from '../errors';
import { type BatchId, checkBatchId } from '../batch/sequence';
import { type SeriesDimensions } from '../batch/series';
import { type CustomCatalog, customCatalog } from '../merge/custom-catalog';
import { DecodedWindow, SideStateError } from '../merge/decoded-window';
import { type StoredCustomState } from '../row/stored-window';
import { type SeriesRegistry } from '../series/series-registry';
import { type StoreContext } from '../store-context';
import { ALL } from '../table/keys';
import { mapWithConcurrency } from '../util/pool';
import { eventLoopSlices } from '../util/yield-slices';
import { mergeIntoRow, type RowContribution, type RowOutcome } from './merge-row';

/** One window of one series, as the engine's snapshot holds it (EngineWindowSnapshot.partial). */
export interface SeriesPartial extends SeriesDimensions {
  readonly partial: WindowPartial;
}

/** One series' windows as an engine of this process handed them over (Engine.transfer). */
export interface SeriesEngineTransfer extends SeriesDimensions {
  readonly transfer: EngineTransfer;
}

export interface MergeBatchInput {
  readonly batch: BatchId;
  /** Window length of every partial in `windows`; must have a retention tier. */
  readonly windowSeconds: number;
  /** Partials computed from this batch's records only (a delta, never a running total). */
  readonly windows: readonly SeriesPartial[];
  /**
   * More of the batch's windows, as engines of THIS process handed them over (Engine.transfer, run
   * with `customMetrics`): taken over as they are, neither copied nor checked nor sorted, which
   * saves a snapshot and a restore per window. Never for windows read from outside the process;
   * those go in `windows`, which are checked.
   */
  readonly transfers?: readonly SeriesEngineTransfer[];
  /**
   * Coarser window lengths the batch also merges into (default: every retention tier longer than
   * `windowSeconds` that is a multiple of it, i.e. 10 s -> 60 s and 3600 s). [] disables roll-ups.
   */
  readonly rollUpTo?: readonly number[];
  /** Also merge into the all-accounts, all-regions series the unfiltered query reads (default true). */
  readonly aggregate?: boolean;
  /**
   * Merge into the rows of `windowSeconds` itself (default true). False writes only the roll-up rows:
   * a writer that merges its fine rows often and its coarse rows less often sends the same partials
   * twice, once per kind, each under its own batch source (apps/local write-behind).
   */
  readonly includeBase?: boolean;
  /**
   * Exactly which rows, per window length: the all-accounts row, the per-series rows, or both.
   * Overrides `rollUpTo`, `includeBase` and `aggregate`. A writer that keeps its live aggregate rows
   * fresh and merges the rest less often sends the partials twice, under two batch sources:
   * `{10: 'aggregate'}` often, `{10: 'series', 60: 'both', 3600: 'both'}` every few seconds.
   */
  readonly rowsByLength?: Readonly<Record<number, RowKinds>>;
  /** Rows written in parallel by this batch (default the store's `concurrency`). */
  readonly concurrency?: number;
  /**
   * Called once the all-accounts, all-regions rows hold the batch, before the per-series rows are
   * merged: a live feed that publishes the aggregate windows need not wait for the rest. Those rows
   * are merged first for that reason.
   */
  readonly onAggregateMerged?: () => void;
  /** The compiled custom metrics the partials were computed with (their states are merged per metric). */
  readonly customMetrics?: readonly CompiledCustomMetricDefinition[];
}

export type RowKinds = 'aggregate' | 'series' | 'both';

export interface MergeBatchResult {
  /** Rows the batch touched (series, aggregate and roll-up rows). */
  readonly rows: number;
  readonly merged: number;
  /** Rows that had merged this batch before (a replay): left unchanged. */
  readonly duplicates: number;
}

/**
 * Merges one batch's window partials into the store: each series row, the aggregate row and the
 * roll-up rows, each exactly once for (batch.source, batch.sequence). Rows are written in
 * parallel (bounded); a crash in the middle leaves some rows merged, and re-sending the same batch
 * merges exactly the rest.
 * @throws StoreInputError for a malformed batch (nothing is written then).
 */
export async function mergeBatch(ctx: StoreContext, registry: SeriesRegistry, input: MergeBatchInput): Promise<MergeBatchResult> {
  const { source, sequence } = checkBatchId(input.batch);
  const catalog = customCatalog(input.customMetrics);
  const tiers = ctx.options.retention;
  const rollUps = input.rollUpTo ?? defaultRollUps(tierWindowLengths(tiers), input.windowSeconds);
  const kinds = input.rowsByLength ?? defaultRowKinds(input.includeBase === false ? rollUps : [input.windowSeconds, ...rollUps], input.aggregate ?? true);
  const lengths = Object.keys(kinds).map(Number);
  for (const length of lengths) {
    if (length !== input.windowSeconds && (length < input.windowSeconds || length % input.windowSeconds !== 0)) {
      throw new StoreInputError(`cannot roll ${input.windowSeconds} s windows up into ${length} s windows: not a larger multiple`);
    }
  }
  if (input.concurrency !== undefined && (!Number.isSafeInteger(input.concurrency) || input.concurrency < 1)) {
    throw new StoreInputError(`concurrency must be a positive integer, got ${String(input.concurrency)}`);
  }
  for (const length of lengths) expiresAtFor(tiers, length, 0);
  // A batch of many series and windows takes long to prepare: other merges on this thread get turns in between.
  const pause = eventLoopSlices();
  const base: SeriesWindow[] = [];
  for (const [index, window] of input.windows.entries()) {
    base.push({ account: window.account, region: window.region, window: decodePartial(window, index, input.windowSeconds, catalog, ctx.options.sketchCapacity) });
    await pause();
  }
  for (const [index, series] of (input.transfers ?? []).entries()) {
    base.push(...decodeTransfer(series, index, input.windowSeconds, input.customMetrics ?? [], catalog, ctx.options.sketchCapacity));
    await pause();
  }
  const grouped = new RowGroups(catalog);
  try {
    for (const length of lengths) {
      const kind = kinds[length] as RowKinds;
      for (const { account, region, window } of base) {
        await pause();
        const rolled = length === input.windowSeconds ? undefined : window.rolledUp(length, catalog);
        const contribution = rolled ?? window;
        // A roll-up is a fresh copy: the last row it goes to may keep it as its merger and merge more
        // into it, so the aggregate row reads it first.
        if (kind !== 'series') grouped.add(length, ALL, ALL, contribution, rolled !== undefined && kind === 'aggregate');
        if (kind !== 'aggregate') grouped.add(length, account, region, contribution, rolled !== undefined);
      }
    }
  } catch (error) {
    if (error instanceof SideStateError) throw new StoreInputError(`batch windows cannot be merged with each other: ${error.message}`, { cause: error });
    throw error;
  }
  await registry.register(uniqueSeries(base));
  const rows = await grouped.contributions((windowSeconds, startMs) => expiresAtFor(tiers, windowSeconds, startMs), pause);
  const concurrency = input.concurrency ?? ctx.options.concurrency;
  const merge = (row: RowContribution): Promise<RowOutcome> => mergeIntoRow(ctx, row, source, sequence, catalog);
  const aggregateRows = rows.filter((row) => row.parts.account === ALL);
  const outcomes = await mapWithConcurrency(aggregateRows, concurrency, merge);
  input.onAggregateMerged?.();
  outcomes.push(...(await mapWithConcurrency(rows.filter((row) => row.parts.account !== ALL), concurrency, merge)));
  const merged = outcomes.filter((outcome) => outcome === 'merged').length;
  return { rows: rows.length, merged, duplicates: rows.length - merged };
}

function defaultRowKinds(lengths: readonly number[], aggregate: boolean): Record<number, RowKinds> {
  return Object.fromEntries(lengths.map((length) => [length, aggregate ? 'both' : 'series']));
}

function defaultRollUps(tiers: readonly number[], windowSeconds: number): number[] {
  return tiers.filter((length) => length > windowSeconds && length % windowSeconds === 0);
}

/** A batch window of one series, decoded (checked) once for every row it goes to. */
interface SeriesWindow extends SeriesDimensions {
  readonly window: DecodedWindow;
}

function checkSeries(where: string, account: unknown, region: unknown): void {
  if (typeof account !== 'string' || typeof region !== 'string' || account === ALL || region === ALL) {
    throw new StoreInputError(`${where}: account and region must be strings other than "${ALL}"`);
  }
}

/** A batch window decoded, checked now so that a bad batch writes nothing. */
function decodePartial(window: SeriesPartial, index: number, windowSeconds: number, catalog: CustomCatalog, sketchCapacity: number): DecodedWindow {
  const where = `batch window #${index} (${window.account} / ${window.region})`;
  checkSeries(where, window.account, window.region);
  const { custom: customStates, ...builtIn } = window.partial;
  if (builtIn.windowMs !== windowSeconds * 1000) {
    throw new StoreInputError(`${where}: partial is of ${String(builtIn.windowMs)} ms windows, the batch says ${windowSeconds} s`);
  }
  const custom: Record<string, StoredCustomState> = {};
  for (const [id, state] of Object.entries(customStates ?? {})) {
    const entry = catalog.get(id);
    if (entry === undefined) throw new StoreInputError(`${where}: custom metric "${id}" has a state but is not among the batch's customMetrics`);
    custom[id] = { fp: entry.fp, state };
  }
  try {
    const decoded = DecodedWindow.fromStored({ partial: builtIn, custom }, sketchCapacity, 'incoming');
    decoded.restoreCustom(catalog);
    return decoded;
  } catch (error) {
    if (error instanceof SideStateError) throw new StoreInputError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** The windows of one series' engine transfer, taken over (see MergeBatchInput.transfers). */
function decodeTransfer(
  series: SeriesEngineTransfer,
  index: number,
  windowSeconds: number,
  customMetrics: readonly CompiledCustomMetricDefinition[],
  catalog: CustomCatalog,
  sketchCapacity: number,
): SeriesWindow[] {
  const { account, region, transfer } = series;
  const where = `batch transfer #${index} (${account} / ${region})`;
  checkSeries(where, account, region);
  if (transfer.windowSeconds !== windowSeconds) throw new StoreInputError(`${where}: transfer is of ${transfer.windowSeconds} s windows, the batch says ${windowSeconds} s`);
  return transfer.windows.map((window) => {
    if (window.custom.length !== customMetrics.length) {
      throw new StoreInputError(`${where}: window ${window.startMs} has ${window.custom.length} custom states for ${customMetrics.length} custom metrics`);
    }
    // The engine's custom states come in its customMetrics order.
    const custom: Record<string, StoredCustomState> = {};
    customMetrics.forEach((metric, i) => {
      custom[metric.id] = { fp: (catalog.get(metric.id) as { fp: string }).fp, state: window.custom[i] };
    });
    return { account, region, window: DecodedWindow.fromTransfer(window, windowSeconds * 1000, sketchCapacity, custom) };
  });
}

function uniqueSeries(windows: readonly SeriesDimensions[]): SeriesDimensions[] {
  const byKey = new Map<string, SeriesDimensions>();
  for (const { account, region } of windows) byKey.set(`${account}\u0000${region}`, { account, region });
  return [...byKey.values()];
}

/** A batch's contributions merged per row first, so each row is read and written once per batch. */
class RowGroups {
  private readonly rows = new Map<string, { windowSeconds: number; account: string; region: string; merger: DecodedWindow }>();

  constructor(private readonly catalog: CustomCatalog) {}

  /** `owned`: `window` goes to no other row, so a new row may keep it as its merger instead of a copy. */
  add(windowSeconds: number, account: string, region: string, window: DecodedWindow, owned: boolean): void {
    const key = `${windowSeconds}\u0000${account}\u0000${region}\u0000${window.startMs}`;
    const have = this.rows.get(key);
    if (have !== undefined) {
      have.merger.merge(window, 'incoming', this.catalog);
      return;
    }
    let merger = window;
    if (owned) merger.deferTruncation();
    else merger = window.copyForMerging();
    this.rows.set(key, { windowSeconds, account, region, merger });
  }

  async contributions(expiresAt: (windowSeconds: number, startMs: number) => number, pause: () => Promise<void>): Promise<RowContribution[]> {
    const rows: RowContribution[] = [];
    for (const { windowSeconds, account, region, merger } of this.rows.values()) {
      rows.push({ parts: { windowSeconds, account, region, startMs: merger.startMs }, window: merger, expiresAt: expiresAt(windowSeconds, merger.startMs) });
      await pause();
    }
    return rows;
  }
}
