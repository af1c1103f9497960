import { z } from 'zod';
import { BooleanFlagSchema, JsonObjectSchema, openEnum } from './primitives';
import { UserIdentitySchema } from './user-identity';

/** `eventType` values documented by CloudTrail. `AwsApiCall` (or no eventType) is what the metrics count. */
export const CLOUDTRAIL_EVENT_TYPES = [
  'AwsApiCall',
  'AwsServiceEvent',
  'AwsConsoleAction',
  'AwsConsoleSignIn',
  'AwsCloudTrailInsight',
  'AwsVpceEvent',
] as const;
export const CloudTrailEventTypeSchema = openEnum(CLOUDTRAIL_EVENT_TYPES);
export type CloudTrailEventType = z.infer<typeof CloudTrailEventTypeSchema>;

/** `eventCategory` values (field present since event version 1.07). */
export const CLOUDTRAIL_EVENT_CATEGORIES = ['Management', 'Data', 'Insight', 'NetworkActivity'] as const;
export const CloudTrailEventCategorySchema = openEnum(CLOUDTRAIL_EVENT_CATEGORIES);
export type CloudTrailEventCategory = z.infer<typeof CloudTrailEventCategorySchema>;

/** A resource the call touched. Some exporters lower-case `ARN` to `arn`; the loose object keeps either. */
export const CloudTrailResourceSchema = z.looseObject({
  ARN: z.string().nullish(),
  ARNPrefix: z.string().nullish(),
  accountId: z.string().nullish(),
  type: z.string().nullish(),
});
export type CloudTrailResource = z.infer<typeof CloudTrailResourceSchema>;

/** TLS parameters of the request (event version 1.08+). */
export const TlsDetailsSchema = z.looseObject({
  tlsVersion: z.string().nullish(),
  cipherSuite: z.string().nullish(),
  clientProvidedHostHeader: z.string().nullish(),
});
export type TlsDetails = z.infer<typeof TlsDetailsSchema>;

/** What an Insights event (`eventType: AwsCloudTrailInsight`) reports; these records have no eventName of their own. */
export const InsightDetailsSchema = z.looseObject({
  state: z.string().nullish(),
  eventSource: z.string().nullish(),
  eventName: z.string().nullish(),
  errorCode: z.string().nullish(),
  insightType: z.string().nullish(),
  insightContext: JsonObjectSchema.nullish(),
});
export type InsightDetails = z.infer<typeof InsightDetailsSchema>;

/**
 * One CloudTrail record (event versions 1.0x–1.11), descriptive and tolerant:
 * - every documented field is type-checked when present, unknown fields are kept as they are
 *   (Panther's `p_*`, Logstash's `@timestamp`, fields AWS adds in later versions);
 * - only `eventTime` is required, because Insights, service and sign-in events each omit a
 *   different subset of the others;
 * - null is accepted wherever a field is optional (metrics.md: a null field counts as absent);
 * - nothing is transformed, so `parse(x)` deep-equals `x`.
 * `eventTime` is only checked to be a string here: ISO-8601 validity belongs to the record
 * acceptance check (metrics.md "Input") and to `parseEventTime`, which the hot path uses.
 */
export const CloudTrailRecordSchema = z.looseObject({
  eventVersion: z.string().nullish(),
  userIdentity: UserIdentitySchema.nullish(),
  eventTime: z.string(),
  eventSource: z.string().nullish(),
  eventName: z.string().nullish(),
  awsRegion: z.string().nullish(),
  sourceIPAddress: z.string().nullish(),
  userAgent: z.string().nullish(),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
  requestParameters: JsonObjectSchema.nullish(),
  responseElements: JsonObjectSchema.nullish(),
  additionalEventData: JsonObjectSchema.nullish(),
  requestID: z.string().nullish(),
  eventID: z.string().nullish(),
  readOnly: BooleanFlagSchema.nullish(),
  resources: z.array(CloudTrailResourceSchema).nullish(),
  eventType: CloudTrailEventTypeSchema.nullish(),
  apiVersion: z.string().nullish(),
  managementEvent: BooleanFlagSchema.nullish(),
  recipientAccountId: z.string().nullish(),
  serviceEventDetails: JsonObjectSchema.nullish(),
  sharedEventID: z.string().nullish(),
  vpcEndpointId: z.string().nullish(),
  vpcEndpointAccountId: z.string().nullish(),
  eventCategory: CloudTrailEventCategorySchema.nullish(),
  tlsDetails: TlsDetailsSchema.nullish(),
  sessionCredentialFromConsole: BooleanFlagSchema.nullish(),
  edgeDeviceDetails: JsonObjectSchema.nullish(),
  insightDetails: InsightDetailsSchema.nullish(),
});
export type CloudTrailRecord = z.infer<typeof CloudTrailRecordSchema>;
