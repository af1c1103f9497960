import { type DecodedWindow } from '../merge/decoded-window';
import { type TableKey } from '../table/keys';
import { type WindowRow } from './window-row';

/** A window row and its body as a merge works on it (undefined when the row only holds an anomaly score). */
export interface DecodedRow {
  readonly row: WindowRow;
  readonly window: DecodedWindow | undefined;
}

/**
 * The rows this store last wrote, decoded, by key (least recently used dropped first). A merge
 * into a cached row skips reading, decoding and restoring it: it puts on condition that the row's
 * version is still the one cached, exactly the condition it puts on after a read, so a row someone
 * else changed meanwhile (another writer, an anomaly score) fails that condition and is read afresh
 * on the next attempt. The cache saves work; it never decides what a row holds.
 *
 * A merge takes its row out ({@link take}) and puts the result back only once the row is written:
 * the decoded window is merged into in place, so no one else may hold it meanwhile, and a merge
 * that fails leaves nothing half-merged behind.
 */
export class RowCache {
  private readonly rows = new Map<string, DecodedRow>();

  constructor(readonly maxEntries: number) {}

  /** The cached row, removed from the cache: the caller owns it now. */
  take(key: TableKey): DecodedRow | undefined {
    const id = cacheId(key);
    const row = this.rows.get(id);
    if (row !== undefined) this.rows.delete(id);
    return row;
  }

  /** The row as just written (its body bytes are not kept: the decoded window is). */
  set(key: TableKey, row: DecodedRow): void {
    const id = cacheId(key);
    // Most recently used last: Map iteration order is insertion order.
    this.rows.delete(id);
    this.rows.set(id, { row: { ...row.row, body: undefined }, window: row.window });
    while (this.rows.size > this.maxEntries) {
      const oldest = this.rows.keys().next().value as string;
      this.rows.delete(oldest);
    }
  }

  get size(): number {
    return this.rows.size;
  }
}

function cacheId(key: TableKey): string {
  return `${key.pk}\u0000${key.sk}`;
}
