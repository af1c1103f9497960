import { type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** The TTL attribute of every row that expires: epoch seconds (see config/retention.ts). */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * The table's key schema as data, for createTable here and the CDK stack later: one table, a
 * string partition key and a string sort key, no secondary index (README.md "Key schema").
 */
export const METRICS_TABLE_KEY_SCHEMA = [
  { AttributeName: 'pk', KeyType: 'HASH' },
  { AttributeName: 'sk', KeyType: 'RANGE' },
] as const;

export const METRICS_TABLE_ATTRIBUTE_DEFINITIONS = [
  { AttributeName: 'pk', AttributeType: 'S' },
  { AttributeName: 'sk', AttributeType: 'S' },
] as const;

/** On-demand: window writes follow CloudTrail traffic, which is bursty. dynalite 4 accepts it too. */
export const METRICS_TABLE_BILLING_MODE = 'PAY_PER_REQUEST';

export function metricsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    KeySchema: METRICS_TABLE_KEY_SCHEMA.map((key) => ({ ...key })),
    AttributeDefinitions: METRICS_TABLE_ATTRIBUTE_DEFINITIONS.map((attribute) => ({ ...attribute })),
    BillingMode: METRICS_TABLE_BILLING_MODE,
  };
}
