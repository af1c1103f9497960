import { isDeepStrictEqual } from 'node:util';
import { type z } from 'zod';
import {
  CloudTrailRecordSchema,
  type CloudTrailEventType,
  type CloudTrailRecord,
  type SessionContext,
  type UserIdentity,
} from './index';
import { type CorpusRecord, wellFormedRecords } from './testing/cloudtrail-corpora';

/** A valid record, written from the CloudTrail user guide's record contents, for the negative cases. */
function sampleRecord(): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:alice',
      arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
      accountId: '111122223333',
      accessKeyId: 'ASIAEXAMPLE',
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: 'AROAEXAMPLE',
          arn: 'arn:aws:iam::111122223333:role/Admin',
          accountId: '111122223333',
          userName: 'Admin',
        },
        attributes: { creationDate: '2024-01-01T00:00:00Z', mfaAuthenticated: 'false' },
      },
    },
    eventTime: '2024-01-01T00:00:05Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.10',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: null,
    responseElements: null,
    requestID: 'req-1',
    eventID: 'evt-1',
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
  };
}

function issuesOf(input: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const result = CloudTrailRecordSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

function groupBySource(records: CorpusRecord[]): Array<[string, Array<Record<string, unknown>>]> {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const { source, record } of records) groups.set(source, [...(groups.get(source) ?? []), record]);
  return [...groups];
}

describe('CloudTrailRecordSchema on the well-formed corpora', () => {
  const corpus = wellFormedRecords();

  it('finds records in each of the four well-formed corpora', () => {
    // Prepare
    const corpusNames = ['stratus-red-team', 'otel-collector-contrib', 'cloud-custodian', 'panther-analysis'];

    // Act
    const countsByCorpus = corpusNames.map((name) => corpus.filter(({ source }) => source.startsWith(name)).length);

    // Assess
    for (const count of countsByCorpus) expect(count).toBeGreaterThan(0);
  });

  it.each(groupBySource(corpus))('parses every record of %s', (_source, records) => {
    // Act
    const failures = records
      .map((record, index) => ({ index, issues: issuesOf(record) }))
      .filter(({ issues }) => issues.length > 0);

    // Assess
    expect(failures).toEqual([]);
  });

  // isDeepStrictEqual tells a missing key from `key: undefined`, so an added optional key fails too.
  it('returns every record deep-equal to its input, unknown fields included', () => {
    // Act
    const changed = corpus.filter(({ record }) => {
      const parsed = CloudTrailRecordSchema.safeParse(record);
      return !parsed.success || !isDeepStrictEqual(parsed.data, record);
    });

    // Assess
    expect(changed.map(({ source }) => source)).toEqual([]);
  });
});

describe('CloudTrailRecordSchema keeps what it does not know', () => {
  it('keeps unknown top-level, nested and array-item fields through a parse', () => {
    // Prepare
    const input = {
      ...sampleRecord(),
      p_log_type: 'AWS.CloudTrail',
      '@timestamp': '2024-01-01T00:00:05.000Z',
      userIdentity: {
        type: 'AssumedRole',
        futureField: { nested: [1, 2, 3] },
        sessionContext: { sessionIssuer: {}, attributes: {}, newContextField: 'x' },
      },
      resources: [{ ARN: 'arn:aws:s3:::bucket', type: 'AWS::S3::Bucket', extra: true }, { arn: 'lower-cased' }],
      tlsDetails: { tlsVersion: 'TLSv1.3', keyExchange: 'x25519' },
    };

    // Act
    const parsed = CloudTrailRecordSchema.parse(input);

    // Assess
    expect(parsed).toStrictEqual(input);
  });

  it('drops "__proto__" keys instead of changing any prototype (Zod copies field by field)', () => {
    // Prepare
    const input = JSON.parse(
      '{"eventTime":"2024-01-01T00:00:00Z","__proto__":{"polluted":true},"requestParameters":{"__proto__":{"polluted":true}}}',
    ) as unknown;

    // Act
    const parsed = CloudTrailRecordSchema.parse(input);

    // Assess
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parsed.requestParameters)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['eventTime', 'requestParameters']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts the values AWS has not documented yet for open enumerations', () => {
    // Prepare
    const input = {
      ...sampleRecord(),
      eventType: 'AwsSomethingNew',
      eventCategory: 'Future',
      userIdentity: { type: 'NewIdentityKind' },
    };

    // Act
    const result = CloudTrailRecordSchema.safeParse(input);

    // Assess
    expect(result.success).toBe(true);
  });
});

describe('CloudTrailRecordSchema tolerates what CloudTrail really emits', () => {
  it.each([
    ['responseElements', null],
    ['requestParameters', null],
    ['additionalEventData', null],
    ['errorCode', null],
    ['errorMessage', null],
    ['resources', null],
    ['userIdentity', null],
    ['eventType', null],
  ])('accepts %s: %p (null counts as absent)', (field, value) => {
    // Act
    const issues = issuesOf({ ...sampleRecord(), [field]: value });

    // Assess
    expect(issues).toEqual([]);
  });

  it.each([true, false, 'true', 'false'])('accepts readOnly %p', (readOnly) => {
    expect(issuesOf({ ...sampleRecord(), readOnly })).toEqual([]);
  });

  it('accepts an Insights event, which has no eventSource, eventName or userIdentity', () => {
    // Prepare
    const insight = {
      eventVersion: '1.08',
      eventTime: '2023-01-02T02:51:00Z',
      awsRegion: 'us-east-1',
      eventID: 'e-1',
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: '123456789012',
      sharedEventID: 's-1',
      insightDetails: { state: 'Start', eventSource: 'ssm.amazonaws.com', eventName: 'UpdateInstanceInformation' },
      eventCategory: 'Insight',
    };

    // Act
    const issues = issuesOf(insight);

    // Assess
    expect(issues).toEqual([]);
  });

  it('accepts an AWS-internal identity without a type', () => {
    expect(issuesOf({ ...sampleRecord(), userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' } })).toEqual(
      [],
    );
  });
});

describe('CloudTrailRecordSchema rejects wrong types with the path of the field', () => {
  it.each<[string, (record: Record<string, unknown>) => unknown, PropertyKey[]]>([
    ['userIdentity as a number', (r) => ({ ...r, userIdentity: 42 }), ['userIdentity']],
    ['userIdentity as a string', (r) => ({ ...r, userIdentity: 'alice' }), ['userIdentity']],
    ['eventTime missing', ({ eventTime: _omitted, ...rest }) => rest, ['eventTime']],
    ['eventTime as epoch millis', (r) => ({ ...r, eventTime: 1704067205000 }), ['eventTime']],
    ['readOnly as "yes"', (r) => ({ ...r, readOnly: 'yes' }), ['readOnly']],
    ['eventSource as an array', (r) => ({ ...r, eventSource: ['ec2.amazonaws.com'] }), ['eventSource']],
    ['requestParameters as a string', (r) => ({ ...r, requestParameters: '{"a":1}' }), ['requestParameters']],
    ['a resource ARN as a number', (r) => ({ ...r, resources: [{ ARN: 'ok' }, { ARN: 7 }] }), ['resources', 1, 'ARN']],
    [
      'mfaAuthenticated as a number',
      (r) => ({ ...r, userIdentity: { sessionContext: { attributes: { mfaAuthenticated: 1 } } } }),
      ['userIdentity', 'sessionContext', 'attributes', 'mfaAuthenticated'],
    ],
    [
      'sessionIssuer.arn as an object',
      (r) => ({ ...r, userIdentity: { sessionContext: { sessionIssuer: { arn: {} } } } }),
      ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'],
    ],
  ])('%s', (_case, corrupt, expectedPath) => {
    // Act
    const issues = issuesOf(corrupt(sampleRecord()));

    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(expectedPath);
    expect(issues[0]?.message).toMatch(/^Invalid input/);
  });

  it('names the expected and received types in the message', () => {
    // Act
    const [issue] = issuesOf({ ...sampleRecord(), userIdentity: 42 });

    // Assess
    expect(issue?.message).toBe('Invalid input: expected object, received number');
  });

  it.each([[[]], ['a string'], [null], [42]])('rejects a non-object record %p at the root', (input) => {
    // Act
    const issues = issuesOf(input);

    // Assess
    expect(issues.map(({ path }) => path)).toEqual([[]]);
  });
});

describe('inferred types', () => {
  it('are usable without casts', () => {
    // Prepare
    const record: CloudTrailRecord = CloudTrailRecordSchema.parse(sampleRecord());
    const identity: UserIdentity | null | undefined = record.userIdentity;
    const context: SessionContext | null | undefined = identity?.sessionContext;
    const eventType: CloudTrailEventType | null | undefined = record.eventType;
    const input: z.input<typeof CloudTrailRecordSchema> = record;

    // Assess
    expect(context?.sessionIssuer?.userName).toBe('Admin');
    expect(eventType).toBe('AwsApiCall');
    expect(input).toBe(record);
  });
});
