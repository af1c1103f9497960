import {
  CLOUDTRAIL_DETAIL_TYPE_ALIASES,
  CLOUDTRAIL_DETAIL_TYPES,
  CloudTrailEventBridgeEnvelopeSchema,
  EventBridgeEnvelopeSchema,
  isCloudTrailDetailType,
} from './index';
import { isJsonRecord, listJsonFiles, readJson } from './testing/cloudtrail-corpora';

/** Every EventBridge envelope in the corpora: cloud-custodian files and StreamAlert's `data` payloads. */
function corpusEnvelopes(): Array<{ source: string; envelope: Record<string, unknown> }> {
  const envelopes: Array<{ source: string; envelope: Record<string, unknown> }> = [];
  for (const file of listJsonFiles('cloud-custodian/cwe')) {
    const event = readJson(file);
    if (isJsonRecord(event) && 'detail-type' in event) envelopes.push({ source: file, envelope: event });
  }
  for (const file of listJsonFiles('streamalert')) {
    for (const wrapper of readJson(file) as unknown[]) {
      const data = isJsonRecord(wrapper) ? wrapper['data'] : undefined;
      if (isJsonRecord(data) && 'detail-type' in data) envelopes.push({ source: file, envelope: data });
    }
  }
  return envelopes;
}

describe('CloudTrail detail-types', () => {
  const envelopes = corpusEnvelopes();

  it('include every CloudTrail detail-type the corpora actually carry', () => {
    // Prepare: detail-types of envelopes whose detail is a CloudTrail record (it has eventSource + eventName).
    const cloudTrailDetailTypes = new Set(
      envelopes
        .filter(({ envelope }) => {
          const detail = envelope['detail'];
          return isJsonRecord(detail) && 'eventSource' in detail && 'eventName' in detail;
        })
        .map(({ envelope }) => envelope['detail-type'])
        .filter((detailType) => detailType !== '...'), // StreamAlert placeholders
    );

    // Act
    const unrecognised = [...cloudTrailDetailTypes].filter((detailType) => !isCloudTrailDetailType(detailType));

    // Assess
    expect(cloudTrailDetailTypes.size).toBeGreaterThan(0);
    expect(unrecognised).toEqual([]);
  });

  it('exclude the non-CloudTrail detail-types found in the corpora (GuardDuty, Health, Security Hub, ...)', () => {
    // Prepare
    const otherDetailTypes = envelopes
      .filter(({ envelope }) => !isJsonRecord(envelope['detail']) || !('eventName' in envelope['detail']))
      .map(({ envelope }) => envelope['detail-type']);

    // Act
    const recognised = otherDetailTypes.filter((detailType) => isCloudTrailDetailType(detailType));

    // Assess
    expect(otherDetailTypes.length).toBeGreaterThan(5);
    expect(recognised).toEqual([]);
  });

  it.each([...CLOUDTRAIL_DETAIL_TYPES, ...CLOUDTRAIL_DETAIL_TYPE_ALIASES])('recognises %p', (detailType) => {
    expect(isCloudTrailDetailType(detailType)).toBe(true);
  });

  it.each([
    'aws api call via cloudtrail',
    'AWS API Call via CloudTrail ',
    'AWS API Call',
    '',
    null,
    undefined,
    42,
    ['AWS API Call via CloudTrail'],
  ])('does not recognise %p', (detailType) => {
    expect(isCloudTrailDetailType(detailType)).toBe(false);
  });
});

describe('EventBridgeEnvelopeSchema', () => {
  it.each(listJsonFiles('cloud-custodian/cwe').filter((file) => 'detail-type' in (readJson(file) as object)))(
    'parses %s and keeps every field',
    (file) => {
      // Prepare
      const envelope = readJson(file);

      // Act
      const parsed = EventBridgeEnvelopeSchema.parse(envelope);

      // Assess
      expect(parsed).toStrictEqual(envelope);
    },
  );

  it('reports a missing detail-type at its path', () => {
    // Act
    const result = EventBridgeEnvelopeSchema.safeParse({ source: 'aws.ec2', detail: {} });

    // Assess
    expect(result.error?.issues.map(({ path }) => path)).toEqual([['detail-type']]);
  });
});

describe('CloudTrailEventBridgeEnvelopeSchema', () => {
  const cloudTrailEnvelopes = corpusEnvelopes().filter(
    ({ source, envelope }) => source.startsWith('cloud-custodian') && isCloudTrailDetailType(envelope['detail-type']),
  );

  it.each(cloudTrailEnvelopes.map(({ source, envelope }) => [source, envelope] as const))(
    'parses the CloudTrail envelope %s',
    (_source, envelope) => {
      // Act
      const parsed = CloudTrailEventBridgeEnvelopeSchema.parse(envelope);

      // Assess
      expect(parsed).toStrictEqual(envelope);
    },
  );

  it('rejects a GuardDuty finding at detail-type', () => {
    // Prepare
    const [{ envelope } = { envelope: {} }] = cloudTrailEnvelopes;
    const guardDuty = { ...envelope, 'detail-type': 'GuardDuty Finding' };

    // Act
    const result = CloudTrailEventBridgeEnvelopeSchema.safeParse(guardDuty);

    // Assess
    expect(result.error?.issues.map(({ path }) => path)).toEqual([['detail-type']]);
  });

  it('reports a bad record field under detail', () => {
    // Prepare
    const [{ envelope } = { envelope: {} as Record<string, unknown> }] = cloudTrailEnvelopes;
    const broken = { ...envelope, detail: { ...(envelope['detail'] as object), userIdentity: 42 } };

    // Act
    const result = CloudTrailEventBridgeEnvelopeSchema.safeParse(broken);

    // Assess
    expect(result.error?.issues.map(({ path }) => path)).toEqual([['detail', 'userIdentity']]);
  });
});
