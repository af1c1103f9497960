// Zod schemas and inferred types for what CloudTrail delivers: records, EventBridge envelopes,
// S3 log files, digest files and CloudWatch Logs subscription payloads.
export * from './primitives';
export * from './user-identity';
export * from './cloudtrail-record';
export * from './eventbridge-envelope';
export * from './s3-log-file';
