import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CloudTrailDigestFileSchema,
  CloudTrailRecordSchema,
  CloudTrailS3LogFileSchema,
  CloudWatchLogsSubscriptionPayloadSchema,
  isDigestFile,
} from './index';
import { allRecordLikeObjects, cloudTrailDir, readJson } from './testing/cloudtrail-corpora';

const LOG_FILE = 'otel-collector-contrib/cloudtrail_log.json';
const DIGEST_FILE = 'otel-collector-contrib/cloudtrail_digest.json';
const CLOUDWATCH_FILE = 'otel-collector-contrib/cloudtrail_log_cw.json';

describe('CloudTrailS3LogFileSchema', () => {
  it('parses the S3 delivery file and keeps it unchanged', () => {
    // Prepare
    const logFile = readJson(LOG_FILE);

    // Act
    const parsed = CloudTrailS3LogFileSchema.parse(logFile);

    // Assess
    expect(parsed.Records.length).toBeGreaterThan(0);
    expect(parsed).toStrictEqual(logFile);
  });

  it('parses the gzipped twin to the same content', () => {
    // Prepare
    const compressed = fs.readFileSync(path.join(cloudTrailDir, `${LOG_FILE}.gz`));

    // Act
    const parsed = CloudTrailS3LogFileSchema.parse(JSON.parse(gunzipSync(compressed).toString('utf8')));

    // Assess
    expect(parsed).toStrictEqual(readJson(LOG_FILE));
  });

  it('reports a bad record with its index under Records', () => {
    // Prepare
    const logFile = readJson(LOG_FILE) as { Records: Array<Record<string, unknown>> };
    const broken = { Records: logFile.Records.map((record, index) => (index === 2 ? { ...record, readOnly: 'maybe' } : record)) };

    // Act
    const result = CloudTrailS3LogFileSchema.safeParse(broken);

    // Assess
    expect(result.error?.issues.map(({ path }) => path)).toEqual([['Records', 2, 'readOnly']]);
  });

  it('rejects a digest file (no Records)', () => {
    expect(CloudTrailS3LogFileSchema.safeParse(readJson(DIGEST_FILE)).success).toBe(false);
  });
});

describe('digest files', () => {
  it('parses the sample digest file with the digest schema', () => {
    // Prepare
    const digest = readJson(DIGEST_FILE);

    // Act
    const parsed = CloudTrailDigestFileSchema.parse(digest);

    // Assess
    expect(parsed.logFiles.length).toBeGreaterThan(0);
    expect(parsed).toStrictEqual(digest);
  });

  it('accepts the first digest of a trail, whose previousDigest fields are null', () => {
    // Prepare
    const digest = readJson(DIGEST_FILE) as Record<string, unknown>;
    const firstDigest = {
      ...digest,
      previousDigestS3Bucket: null,
      previousDigestS3Object: null,
      previousDigestHashValue: null,
      previousDigestHashAlgorithm: null,
      previousDigestSignature: null,
    };

    // Act
    const result = CloudTrailDigestFileSchema.safeParse(firstDigest);

    // Assess
    expect(result.success).toBe(true);
  });

  it('recognises the sample digest file', () => {
    expect(isDigestFile(readJson(DIGEST_FILE))).toBe(true);
  });

  it('does not mistake a log file, a CloudWatch payload or any corpus record for a digest', () => {
    // Prepare
    const notDigests = [readJson(LOG_FILE), readJson(CLOUDWATCH_FILE), ...allRecordLikeObjects().map(({ record }) => record)];

    // Act
    const mistaken = notDigests.filter((value) => isDigestFile(value));

    // Assess
    expect(mistaken).toEqual([]);
  });

  it.each([null, undefined, 'digestStartTime', 42, [], [{ digestStartTime: 'x', digestEndTime: 'y' }]])(
    'does not recognise %p',
    (value) => {
      expect(isDigestFile(value)).toBe(false);
    },
  );
});

describe('CloudWatchLogsSubscriptionPayloadSchema', () => {
  it('parses the CloudTrail-to-CloudWatch Logs sample, whose messages are CloudTrail records', () => {
    // Prepare
    const payload = readJson(CLOUDWATCH_FILE);

    // Act
    const parsed = CloudWatchLogsSubscriptionPayloadSchema.parse(payload);
    const records = parsed.logEvents.map(({ message }) => CloudTrailRecordSchema.safeParse(JSON.parse(message)));

    // Assess
    expect(parsed).toStrictEqual(payload);
    expect(records.map(({ success }) => success)).toEqual(parsed.logEvents.map(() => true));
  });

  it("parses StreamAlert's DATA_MESSAGE sample", () => {
    // Prepare
    const [wrapper] = readJson('streamalert/rules/classifier/cloudwatch/cloudwatch_cloudtrail.json') as Array<{ data: unknown }>;

    // Act
    const result = CloudWatchLogsSubscriptionPayloadSchema.safeParse(wrapper?.data);

    // Assess
    expect(result.success).toBe(true);
  });

  it('parses a CONTROL_MESSAGE (the reachability probe CloudWatch Logs sends first)', () => {
    // Prepare
    const controlMessage = {
      messageType: 'CONTROL_MESSAGE',
      owner: 'CloudwatchLogs',
      logGroup: '',
      logStream: '',
      subscriptionFilters: [],
      logEvents: [{ id: '', timestamp: 1700000000000, message: 'CWL CONTROL MESSAGE: Checking health of destination' }],
    };

    // Act
    const result = CloudWatchLogsSubscriptionPayloadSchema.safeParse(controlMessage);

    // Assess
    expect(result.success).toBe(true);
  });

  it('reports an unknown messageType and a non-string message at their paths', () => {
    // Prepare
    const payload = readJson(CLOUDWATCH_FILE) as Record<string, unknown>;
    const broken = { ...payload, messageType: 'DATA', logEvents: [{ id: '1', timestamp: 1, message: { eventName: 'x' } }] };

    // Act
    const result = CloudWatchLogsSubscriptionPayloadSchema.safeParse(broken);

    // Assess
    expect(result.error?.issues.map(({ path }) => path)).toEqual([['messageType'], ['logEvents', 0, 'message']]);
  });
});
