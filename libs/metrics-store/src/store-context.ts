import { type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ResolvedStoreOptions } from './config/store-options';

/** What every store operation needs: the client, the table and the resolved options. */
export interface StoreContext {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly options: ResolvedStoreOptions;
}
