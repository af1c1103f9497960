import { type DocumentSkipReason, unwrap, type UnwrapSink } from './unwrap';

type Output =
  | { candidate: unknown; path: string | undefined; nested: boolean }
  | { rejected: string; message: string; path: string | undefined }
  | { skipped: DocumentSkipReason; path: string | undefined };

function unwrapAll(value: unknown, arrayLevels = 2, path?: string): Output[] {
  const out: Output[] = [];
  const sink: UnwrapSink = {
    candidate: (candidate, at, nested) => out.push({ candidate, path: at, nested }),
    rejected: (reason, message, at) => out.push({ rejected: reason, message, path: at }),
    skipped: (reason, _message, at) => out.push({ skipped: reason, path: at }),
  };
  unwrap(value, sink, arrayLevels, path);
  return out;
}

const record = { eventTime: '2024-05-01T12:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject' };

describe('unwrap', () => {
  it('passes a plain record through as itself', () => {
    expect(unwrapAll(record)).toEqual([{ candidate: record, path: undefined, nested: false }]);
  });

  it('takes the records out of an S3 delivery {"Records":[...]}', () => {
    expect(unwrapAll({ Records: [record, 1] })).toEqual([
      { candidate: record, path: 'Records[0]', nested: true },
      { candidate: 1, path: 'Records[1]', nested: true },
    ]);
  });

  it.each([
    'AWS API Call via CloudTrail',
    'AWS Console Sign In via CloudTrail',
    'AWS Service Event via CloudTrail',
    'AWS Console Action via CloudTrail',
    'AWS Insight via CloudTrail',
  ])('unwraps an EventBridge envelope of detail-type %s to its detail', (detailType) => {
    expect(unwrapAll({ 'detail-type': detailType, source: 'aws.s3', detail: record })).toEqual([
      { candidate: record, path: 'detail', nested: true },
    ]);
  });

  it('rejects other EventBridge events as not-cloudtrail', () => {
    expect(unwrapAll({ 'detail-type': 'GuardDuty Finding', detail: {} })).toEqual([
      { rejected: 'not-cloudtrail', message: 'EventBridge event of detail-type "GuardDuty Finding" is not a CloudTrail event', path: undefined },
    ]);
  });

  it('parses each logEvents[].message of a CloudWatch Logs DATA_MESSAGE', () => {
    // Prepare
    const message = { messageType: 'DATA_MESSAGE', logEvents: [{ message: JSON.stringify(record) }, { message: 'not json' }, { id: '3' }] };
    // Act
    const out = unwrapAll(message);
    // Assess
    expect(out).toEqual([
      { candidate: record, path: 'logEvents[0].message', nested: true },
      { rejected: 'invalid-json', message: expect.stringContaining('invalid JSON in logEvents[1].message: ') as string, path: 'logEvents[1].message' },
      { candidate: undefined, path: 'logEvents[2].message', nested: true },
    ]);
  });

  it('skips CloudWatch Logs CONTROL_MESSAGEs and CloudTrail digest files', () => {
    expect(unwrapAll({ messageType: 'CONTROL_MESSAGE', logEvents: [{ message: 'CWL CONTROL MESSAGE' }] })).toEqual([
      { skipped: 'control-message', path: undefined },
    ]);
    expect(unwrapAll({ digestStartTime: 'a', digestEndTime: 'b', logFiles: [] })).toEqual([{ skipped: 'cloudtrail-digest', path: undefined }]);
  });

  it('unwraps arrays one level deeper than the array itself, then stops', () => {
    // Prepare: an array holding an envelope, an array of records, and an array of arrays
    const value = [{ 'detail-type': 'AWS API Call via CloudTrail', detail: record }, [record], [[record]]];
    // Act
    const out = unwrapAll(value);
    // Assess
    expect(out).toEqual([
      { candidate: record, path: '[0].detail', nested: true },
      { candidate: record, path: '[1][0]', nested: true },
      { candidate: [record], path: '[2][0]', nested: true },
    ]);
  });

  it('continues the path of a streamed element', () => {
    expect(unwrapAll({ 'detail-type': 'AWS API Call via CloudTrail', detail: record }, 1, '[4]')).toEqual([
      { candidate: record, path: '[4].detail', nested: true },
    ]);
    expect(unwrapAll([record], 0, '[4]')).toEqual([{ candidate: [record], path: '[4]', nested: false }]);
  });

  it('does not unwrap StreamAlert test wrappers: they are not a delivery format', () => {
    // Prepare
    const wrapper = { data: { Records: [record] }, log: 'cloudtrail:events', trigger_rules: [] };
    // Act / Assess: judged as a record (and rejected as missing-eventTime by the acceptance rule)
    expect(unwrapAll(wrapper)).toEqual([{ candidate: wrapper, path: undefined, nested: false }]);
  });
});
