import { z } from 'zod';
import { CloudTrailRecordSchema } from './cloudtrail-record';

/** A CloudTrail log file as delivered to S3 (`AWSLogs/<account>/CloudTrail/<region>/...json.gz`). */
export const CloudTrailS3LogFileSchema = z.looseObject({
  Records: z.array(CloudTrailRecordSchema),
});
export type CloudTrailS3LogFile = z.infer<typeof CloudTrailS3LogFileSchema>;

/** One log file a digest vouches for. Times are plain strings: AWS's own sample has `2025-10-21TT00:52:27Z`. */
export const DigestLogFileEntrySchema = z.looseObject({
  s3Bucket: z.string(),
  s3Object: z.string(),
  hashValue: z.string(),
  hashAlgorithm: z.string(),
  newestEventTime: z.string().nullish(),
  oldestEventTime: z.string().nullish(),
});
export type DigestLogFileEntry = z.infer<typeof DigestLogFileEntrySchema>;

/**
 * A CloudTrail digest file (`AWSLogs/<account>/CloudTrail-Digest/...`): hashes for log-file
 * integrity validation, no events. It sits next to the log files, so a reader pointed at a
 * bucket prefix meets it and must skip it instead of rejecting it as a malformed record.
 * The `previousDigest*` fields are null in the first digest of a trail.
 */
export const CloudTrailDigestFileSchema = z.looseObject({
  awsAccountId: z.string(),
  digestStartTime: z.string(),
  digestEndTime: z.string(),
  digestS3Bucket: z.string(),
  digestS3Object: z.string(),
  digestPublicKeyFingerprint: z.string().nullish(),
  digestSignatureAlgorithm: z.string().nullish(),
  newestEventTime: z.string().nullish(),
  oldestEventTime: z.string().nullish(),
  previousDigestS3Bucket: z.string().nullish(),
  previousDigestS3Object: z.string().nullish(),
  previousDigestHashValue: z.string().nullish(),
  previousDigestHashAlgorithm: z.string().nullish(),
  previousDigestSignature: z.string().nullish(),
  logFiles: z.array(DigestLogFileEntrySchema),
});
export type CloudTrailDigestFile = z.infer<typeof CloudTrailDigestFileSchema>;

/**
 * Cheap structural test (no Zod) readers run on every parsed top-level object: a digest is
 * recognised by its two digest time keys, which no CloudTrail record or envelope has. It does
 * not validate the digest; use {@link CloudTrailDigestFileSchema} for that.
 */
export function isDigestFile(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as Readonly<Record<string, unknown>>;
  return typeof candidate['digestStartTime'] === 'string' && typeof candidate['digestEndTime'] === 'string';
}

/** `messageType` values of a CloudWatch Logs subscription payload; CONTROL_MESSAGE only checks the destination is reachable. */
export const CLOUDWATCH_LOGS_MESSAGE_TYPES = ['DATA_MESSAGE', 'CONTROL_MESSAGE'] as const;

/** One log event; for a CloudTrail log group `message` is one record serialised as a JSON string. */
export const CloudWatchLogsLogEventSchema = z.looseObject({
  id: z.string(),
  timestamp: z.number(),
  message: z.string(),
});
export type CloudWatchLogsLogEvent = z.infer<typeof CloudWatchLogsLogEventSchema>;

/**
 * A CloudWatch Logs subscription payload after base64 + gunzip (what a Lambda or Firehose
 * subscriber sees). `message` stays a string: decoding it is the reader's job, record by record,
 * so one bad message rejects one record rather than the whole batch.
 */
export const CloudWatchLogsSubscriptionPayloadSchema = z.looseObject({
  messageType: z.enum(CLOUDWATCH_LOGS_MESSAGE_TYPES),
  owner: z.string(),
  logGroup: z.string(),
  logStream: z.string(),
  subscriptionFilters: z.array(z.string()),
  logEvents: z.array(CloudWatchLogsLogEventSchema),
});
export type CloudWatchLogsSubscriptionPayload = z.infer<typeof CloudWatchLogsSubscriptionPayloadSchema>;
