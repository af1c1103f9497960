import fc from 'fast-check';
import { allRecordLikeObjects } from '../schema/testing/cloudtrail-corpora';
import { eventTypeKey, isApiCall } from './index';

describe('isApiCall (metrics.md "Input": eventType is "AwsApiCall" or absent)', () => {
  it.each([
    ['AwsApiCall', { eventType: 'AwsApiCall' }],
    ['missing', {}],
    ['null', { eventType: null }],
  ])('is true when eventType is %s', (_case, record) => {
    expect(isApiCall(record)).toBe(true);
  });

  it.each([
    'AwsConsoleSignIn',
    'AwsServiceEvent',
    'AwsConsoleAction',
    'AwsCloudTrailInsight',
    'AwsVpceEvent',
    'awsapicall',
    'logout',
  ])('is false for eventType %p', (eventType) => {
    expect(isApiCall({ eventType })).toBe(false);
  });
});

describe('eventTypeKey (metrics.md "Input": events.byEventType)', () => {
  it('is the eventType as recorded', () => {
    expect(eventTypeKey({ eventType: 'AwsConsoleSignIn' })).toBe('AwsConsoleSignIn');
  });

  it.each([
    ['missing', {}],
    ['null', { eventType: null }],
  ])('is "(absent)" when eventType is %s', (_case, record) => {
    expect(eventTypeKey(record)).toBe('(absent)');
  });

  it('keeps a literal "(absent)" eventType as recorded, which is not an API call', () => {
    // Prepare
    const record = { eventType: '(absent)' };

    // Act + Assess
    expect(eventTypeKey(record)).toBe('(absent)');
    expect(isApiCall(record)).toBe(false);
  });
});

describe('isApiCall and eventTypeKey agree', () => {
  it('for every eventType in the corpora', () => {
    // Prepare
    const corpus = allRecordLikeObjects().map(({ record }) => record);

    // Act
    const disagreements = corpus.filter(
      (record) => isApiCall(record) !== ['AwsApiCall', '(absent)'].includes(eventTypeKey(record)),
    );

    // Assess
    expect(disagreements).toEqual([]);
  });

  // A record whose eventType is literally "(absent)" shares the spec's key for missing eventTypes
  // but is not an API call; that collision is inherent in metrics.md, so the property skips it.
  it('for any JSON value as eventType, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.constantFrom('AwsApiCall', '', null)), (eventType) => {
        fc.pre(eventType !== '(absent)');
        const record = { eventType };
        return isApiCall(record) === (eventTypeKey(record) === 'AwsApiCall' || eventTypeKey(record) === '(absent)');
      }),
    );
  });
});
