import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Region and credentials the local endpoint ignores but the SDK insists on. */
const LOCAL_REGION = 'us-east-1';
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * A DynamoDB client for a local endpoint (dynalite). The explicit NodeHttpHandler keeps the SDK
 * off its default handler selection, which fails against dynalite's plain HTTP server; the dummy
 * region and credentials keep it from searching the environment and ~/.aws for real ones.
 */
export function createLocalDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, requestHandler: new NodeHttpHandler(), maxAttempts: 3 });
}

/** Binary attributes come back as Uint8Array; empty strings and undefined are dropped, never sent. */
export function documentClientOf(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
