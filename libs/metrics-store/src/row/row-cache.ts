import { type TableKey } from '../table/keys';
import { type LoadedRow } from './row-io';

/**
 * The rows this store last wrote, decoded, by key (least recently used dropped first). A merge
 * into a cached row skips reading and decoding it: it puts on condition that the row's version is
 * still the one cached, exactly the condition it puts on after a read, so a row someone else changed
 * meanwhile (another writer, an anomaly score) fails that condition, leaves the cache, and is read
 * afresh on the next attempt. The cache saves work; it never decides what a row holds.
 */
export class RowCache {
  private readonly rows = new Map<string, LoadedRow>();

  constructor(readonly maxEntries: number) {}

  get(key: TableKey): LoadedRow | undefined {
    const id = cacheId(key);
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    // Most recently used last: Map iteration order is insertion order.
    this.rows.delete(id);
    this.rows.set(id, row);
    return row;
  }

  /** The row as just written (its body bytes are not kept: the decoded window is). */
  set(key: TableKey, row: LoadedRow): void {
    const id = cacheId(key);
    this.rows.delete(id);
    this.rows.set(id, { row: { ...row.row, body: undefined }, stored: row.stored });
    while (this.rows.size > this.maxEntries) {
      const oldest = this.rows.keys().next().value as string;
      this.rows.delete(oldest);
    }
  }

  delete(key: TableKey): void {
    this.rows.delete(cacheId(key));
  }

  get size(): number {
    return this.rows.size;
  }
}

function cacheId(key: TableKey): string {
  return `${key.pk}\u0000${key.sk}`;
}
