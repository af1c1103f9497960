import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CorruptRowError } from '../errors';
import { type StoreContext } from '../store-context';
import { type TableKey } from '../table/keys';
import { BodyDecodeError, decodeBody } from './body-codec';
import { ChunksUnreadableError, readChunks } from './chunks';
import { type StoredWindow } from './stored-window';
import { keyOf, type WindowRow, windowRowSchema } from './window-row';

/** A window row and its decoded body (undefined when the row only holds an anomaly score). */
export interface LoadedRow {
  readonly row: WindowRow;
  readonly stored: StoredWindow | undefined;
}

/** Reading chunks races with a writer replacing the body: re-read the row this often before calling it corrupt. */
const CHUNK_READ_ATTEMPTS = 3;

/** @throws CorruptRowError when the item is not a window row. */
export function parseWindowRow(item: Record<string, unknown>): WindowRow {
  const parsed = windowRowSchema.safeParse(item);
  if (parsed.success) return parsed.data;
  const key = { pk: String(item['pk']), sk: String(item['sk']) };
  throw new CorruptRowError(key, 'is not a window row', { cause: parsed.error });
}

/** The decoded body of a row. @throws CorruptRowError, or ChunksUnreadableError (retry with a fresh read). */
export async function loadBody(ctx: StoreContext, row: WindowRow): Promise<StoredWindow | undefined> {
  let bytes: Uint8Array;
  if (row.body !== undefined) bytes = row.body;
  else if (row.gen !== undefined && row.chunks !== undefined) bytes = await readChunks(ctx, keyOf(row), row.gen, row.chunks, row.digest);
  else return undefined;
  let stored: StoredWindow;
  try {
    stored = await decodeBody({ encoding: row.enc ?? 'json', bytes });
  } catch (error) {
    if (error instanceof BodyDecodeError) throw new CorruptRowError(keyOf(row), error.message, { cause: error });
    throw error;
  }
  const { partial } = stored;
  if (partial.startMs !== row.startMs || partial.windowMs !== row.ws * 1000) {
    throw new CorruptRowError(keyOf(row), `body is window ${partial.startMs} (+${partial.windowMs} ms), the row window ${row.startMs} (+${row.ws * 1000} ms)`);
  }
  return stored;
}

/** The row at `key` with its body, read consistently; undefined when there is none. @throws CorruptRowError */
export async function readWindowRow(ctx: StoreContext, key: TableKey): Promise<LoadedRow | undefined> {
  for (let attempt = 1; ; attempt++) {
    const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }));
    if (Item === undefined) return undefined;
    const row = parseWindowRow(Item);
    try {
      return { row, stored: await loadBody(ctx, row) };
    } catch (error) {
      if (!(error instanceof ChunksUnreadableError)) throw error;
      if (attempt >= CHUNK_READ_ATTEMPTS) throw new CorruptRowError(key, error.message, { cause: error });
    }
  }
}

/** {@link loadBody} of a row found by a query, re-reading it when its chunks were replaced meanwhile. */
export async function loadQueriedBody(ctx: StoreContext, row: WindowRow): Promise<LoadedRow> {
  try {
    return { row, stored: await loadBody(ctx, row) };
  } catch (error) {
    if (!(error instanceof ChunksUnreadableError)) throw error;
  }
  const fresh = await readWindowRow(ctx, keyOf(row));
  if (fresh === undefined) return { row, stored: undefined };
  return fresh;
}
