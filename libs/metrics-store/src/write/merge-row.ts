import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { CorruptRowError, MergeConflictError, StoreInputError } from '../errors';
import { type CustomCatalog } from '../merge/custom-catalog';
import { DecodedWindow, SideStateError } from '../merge/decoded-window';
import { bodyDigest, encodeBody } from '../row/body-codec';
import { deleteChunks, writeChunks } from '../row/chunks';
import { type DecodedRow } from '../row/row-cache';
import { readWindowRow } from '../row/row-io';
import { type WindowRow } from '../row/window-row';
import { type StoreContext } from '../store-context';
import { type TableKey, type WindowKeyParts, windowKey } from '../table/keys';
import { backoffMs, isConditionalCheckFailed } from './backoff';

/** One row's share of a batch: which window and series, and the state to fold in. */
export interface RowContribution {
  readonly parts: WindowKeyParts;
  /** The batch's state for the row: merged into the row, and kept as the row's state when the row is new. */
  readonly window: DecodedWindow;
  readonly expiresAt: number;
}

export type RowOutcome = 'merged' | 'duplicate';

/**
 * Folds `contribution` into its window row exactly once per (source, sequence):
 *
 * 1. read the row (consistent) and its body;
 * 2. if the row's watermark for `source` is at or past `sequence`, the batch was merged before:
 *    nothing to do (a replay is a no-op);
 * 3. merge, encode (gzip when large), put large bodies into chunk rows of a new generation;
 * 4. put the row on condition that its version is still the one read and the watermark still
 *    below `sequence` (a new row: that none exists). The row is the commit point: chunks nothing
 *    points at are garbage.
 * 5. lost the race (ConditionalCheckFailed): drop the new chunks, back off with jitter, go to 1.
 *
 * @throws MergeConflictError after maxMergeAttempts lost races; CorruptRowError when the stored row
 * cannot be read or merged; StoreInputError when the contribution cannot be merged into it.
 */
export async function mergeIntoRow(ctx: StoreContext, contribution: RowContribution, source: string, sequence: string, catalog: CustomCatalog): Promise<RowOutcome> {
  const key = windowKey(contribution.parts);
  const { options } = ctx;
  for (let attempt = 1; attempt <= options.maxMergeAttempts; attempt++) {
    // Taken out of the cache while merged into (a concurrent merge of the row reads it instead);
    // after a lost race the row is read afresh: the cached copy is what lost it.
    const current = (attempt === 1 ? ctx.rowCache?.take(key) : undefined) ?? (await readDecodedRow(ctx, key, options.sketchCapacity));
    const seen = current?.row.seen ?? {};
    const mergedUpTo = Object.hasOwn(seen, source) ? seen[source] : undefined;
    if (mergedUpTo !== undefined && mergedUpTo >= sequence) {
      if (current !== undefined) ctx.rowCache?.set(key, current);
      return 'duplicate';
    }
    const merged = current?.window === undefined ? contribution.window : mergeInto(key, current.window, contribution.window, catalog);
    const stored = merged.toStored();
    const body = await encodeBody(stored, options.gzipAboveBytes, options.gzipLevel);
    const generation = body.bytes.length > options.inlineBodyMaxBytes ? randomUUID() : undefined;
    // A later tier or a longer retention never shortens a row's life.
    const expiresAt = Math.max(contribution.expiresAt, current?.row.expiresAt ?? 0);
    const chunks = generation === undefined ? 0 : await writeChunks(ctx, key, generation, body.bytes, expiresAt);
    const watermarks = nextWatermarks(current?.row, source, sequence, options.scheduler.now(), options.maxSourcesPerRow);
    const item: WindowRow = {
      ...key,
      kind: 'window',
      ws: contribution.parts.windowSeconds,
      startMs: contribution.parts.startMs,
      account: contribution.parts.account,
      region: contribution.parts.region,
      v: (current?.row.v ?? 0) + 1,
      calls: stored.partial.totalCalls,
      enc: body.encoding,
      ...(generation === undefined ? { body: body.bytes } : { gen: generation, chunks, digest: bodyDigest(body.bytes) }),
      ...watermarks,
      ...(current?.row.anomalyScore === undefined ? {} : { anomalyScore: current.row.anomalyScore }),
      expiresAt,
      updatedAt: options.scheduler.now(),
    };
    try {
      await ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: item, ...commitCondition(current?.row, source, sequence) }));
    } catch (error) {
      if (generation !== undefined) await deleteChunks(ctx, key, generation, chunks);
      if (!isConditionalCheckFailed(error)) throw error;
      await options.scheduler.sleep(backoffMs(options, attempt));
      continue;
    }
    ctx.rowCache?.set(key, { row: item, window: merged });
    const old = current?.row;
    if (old?.gen !== undefined && old.chunks !== undefined) await deleteChunks(ctx, key, old.gen, old.chunks);
    return 'merged';
  }
  throw new MergeConflictError(key, options.maxMergeAttempts);
}

/** The row at `key`, its body decoded. @throws CorruptRowError */
async function readDecodedRow(ctx: StoreContext, key: TableKey, sketchCapacity: number): Promise<DecodedRow | undefined> {
  const loaded = await readWindowRow(ctx, key);
  if (loaded === undefined) return undefined;
  if (loaded.stored === undefined) return { row: loaded.row, window: undefined };
  try {
    return { row: loaded.row, window: DecodedWindow.fromStored(loaded.stored, sketchCapacity, 'stored') };
  } catch (error) {
    if (error instanceof SideStateError) throw new CorruptRowError(key, error.message, { cause: error });
    throw error;
  }
}

/** `incoming` folded into the row's `current` window (changed in place: it was taken out of the cache, or read for this merge). */
function mergeInto(key: TableKey, current: DecodedWindow, incoming: DecodedWindow, catalog: CustomCatalog): DecodedWindow {
  try {
    current.merge(incoming, 'incoming', catalog);
    return current;
  } catch (error) {
    if (!(error instanceof SideStateError)) throw error;
    if (error.side === 'stored') throw new CorruptRowError(key, error.message, { cause: error });
    throw new StoreInputError(`batch state for row ${key.pk} / ${key.sk}: ${error.message}`, { cause: error });
  }
}

/** The row's watermarks with `source` at `sequence`; beyond `max` sources, the least recently merged are forgotten. */
function nextWatermarks(row: WindowRow | undefined, source: string, sequence: string, nowMs: number, max: number): Pick<WindowRow, 'seen' | 'seenAt'> {
  const seen: Record<string, string> = { ...row?.seen, [source]: sequence };
  const seenAt: Record<string, number> = { ...row?.seenAt, [source]: nowMs };
  const sources = Object.keys(seen);
  if (sources.length > max) {
    const oldestFirst = sources.filter((s) => s !== source).sort((a, b) => (seenAt[a] ?? 0) - (seenAt[b] ?? 0));
    for (const forget of oldestFirst.slice(0, sources.length - max)) {
      delete seen[forget];
      delete seenAt[forget];
    }
  }
  return { seen, seenAt };
}

/**
 * The version condition alone makes the read-modify-write atomic; the watermark condition says
 * the same thing on the server (the row has not merged this batch), as a second line of defence.
 */
function commitCondition(row: WindowRow | undefined, source: string, sequence: string): {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  if (row === undefined) return { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } };
  return {
    ConditionExpression: '#v = :v AND (attribute_not_exists(#seen.#source) OR #seen.#source < :sequence)',
    ExpressionAttributeNames: { '#v': 'v', '#seen': 'seen', '#source': source },
    ExpressionAttributeValues: { ':v': row.v, ':sequence': sequence },
  };
}
