import { judgeRecord, REJECT_REASONS } from './accept';

describe('judgeRecord (metrics.md "Input": the acceptance rule)', () => {
  const valid = { eventTime: '2024-05-01T12:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' };

  it('accepts an object with an ISO-8601 eventTime and non-empty eventSource and eventName, keeping it untouched', () => {
    // Prepare
    const record = { ...valid, unknownField: { nested: [1, 2] } };
    // Act
    const verdict = judgeRecord(record);
    // Assess
    expect(verdict).toEqual({ accepted: true, record, eventTimeMs: Date.UTC(2024, 4, 1, 12) });
    expect(verdict.accepted && verdict.record).toBe(record);
  });

  it.each([
    ['an array', [valid], 'not-an-object', 'record is an array, not an object'],
    ['null', null, 'not-an-object', 'record is null, not an object'],
    ['a string', 'x', 'not-an-object', 'record is a string, not an object'],
    ['a number', 42, 'not-an-object', 'record is number 42, not an object'],
    ['no eventTime', { ...valid, eventTime: undefined }, 'missing-eventTime', 'eventTime is missing'],
    ['a null eventTime', { ...valid, eventTime: null }, 'missing-eventTime', 'eventTime is null'],
    ['month 13', { ...valid, eventTime: '2024-13-01T00:00:00Z' }, 'invalid-eventTime', 'eventTime "2024-13-01T00:00:00Z" is not a valid ISO-8601 time'],
    ["Panther's space-separated time", { ...valid, eventTime: '2024-01-01 00:00:00' }, 'invalid-eventTime', 'eventTime "2024-01-01 00:00:00" is not a valid ISO-8601 time'],
    ['an epoch number', { ...valid, eventTime: 1714564800000 }, 'invalid-eventTime', 'eventTime number 1714564800000 is not a valid ISO-8601 time'],
    ['an object eventTime', { ...valid, eventTime: {} }, 'invalid-eventTime', 'eventTime an object is not a valid ISO-8601 time'],
    ['no eventSource', { ...valid, eventSource: undefined }, 'missing-eventSource', 'eventSource is missing'],
    ['an empty eventSource', { ...valid, eventSource: '' }, 'missing-eventSource', 'eventSource "" is not a non-empty string'],
    ['a numeric eventSource', { ...valid, eventSource: 7 }, 'missing-eventSource', 'eventSource number 7 is not a non-empty string'],
    ['a null eventName', { ...valid, eventName: null }, 'missing-eventName', 'eventName is null'],
    ['an array eventName', { ...valid, eventName: ['a'] }, 'missing-eventName', 'eventName an array is not a non-empty string'],
  ])('rejects %s', (_case, value, reason, message) => {
    // Act
    const verdict = judgeRecord(JSON.parse(JSON.stringify(value)) as unknown);
    // Assess
    expect(verdict).toEqual({ accepted: false, reason, message });
  });

  it('checks eventTime first, so a value that is no CloudTrail record at all is missing-eventTime', () => {
    // Prepare: a StreamAlert test wrapper
    const wrapper = { data: { Records: [valid] }, trigger_rules: [] };
    // Act
    const verdict = judgeRecord(wrapper);
    // Assess
    expect(verdict).toMatchObject({ accepted: false, reason: 'missing-eventTime' });
  });

  it('quotes only an excerpt of a long bad value', () => {
    // Act
    const verdict = judgeRecord({ ...valid, eventTime: 'x'.repeat(10_000) });
    // Assess
    expect(verdict.accepted === false && verdict.message.length).toBeLessThan(120);
  });

  it('lists every reason once', () => {
    expect(new Set(REJECT_REASONS).size).toBe(REJECT_REASONS.length);
    expect(REJECT_REASONS).toEqual(
      expect.arrayContaining(['invalid-json', 'not-an-object', 'missing-eventTime', 'invalid-eventTime', 'missing-eventSource', 'missing-eventName', 'too-large', 'not-cloudtrail', 'truncated']),
    );
  });
});
