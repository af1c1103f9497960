import { type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ResolvedStoreOptions } from './config/store-options';
import { type RowCache } from './row/row-cache';

/** What every store operation needs: the client, the table and the resolved options. */
export interface StoreContext {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly options: ResolvedStoreOptions;
  /** Rows as this store last wrote them (options.rowCacheEntries > 0). */
  readonly rowCache?: RowCache;
}
