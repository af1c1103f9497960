import fc from 'fast-check';
import { printStyle, printTree, recordText, recordTree } from './testing/record-text-arbitraries';
import { referenceVerdict } from './testing/reference-verdict';
import { scanCallFacts, type ScanVerdict } from './scan-call-facts';

/** The scanner's verdict stripped of the projection (which is not the full record by design). */
function comparable(verdict: ScanVerdict): unknown {
  return verdict.kind === 'accepted' ? { kind: 'accepted', facts: verdict.facts } : verdict;
}

/** What the scanner must say for `text`: the reference's verdict, or fallback where it may not decide. */
function expectAgreement(text: string): ScanVerdict {
  const scanned = scanCallFacts(text);
  if (scanned.kind === 'fallback') return scanned;
  const reference = referenceVerdict(text);
  expect(reference.kind).not.toBe('invalid-json');
  expect(reference.kind).not.toBe('not-a-plain-record');
  expect(comparable(scanned)).toEqual(comparable(reference as ScanVerdict));
  return scanned;
}

const BASE = {
  eventTime: '2024-01-01T00:00:30Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'RunInstances',
  sourceIPAddress: '10.0.0.1',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012' },
  requestParameters: { instancesSet: { items: [{ imageId: 'ami-1', minCount: 1, maxCount: 1 }] }, nested: [[[{ a: null }]], true, -1.5e3] },
};

describe('scanCallFacts on hand-picked texts', () => {
  it.each([
    ['compact JSON.stringify output', JSON.stringify(BASE)],
    ["Python's json.dumps separators", JSON.stringify(BASE).replace(/,/g, ', ').replace(/":/g, '": ')],
    ['keys in another order', JSON.stringify({ userIdentity: BASE.userIdentity, eventName: 'GetObject', eventSource: 's3.amazonaws.com', eventTime: BASE.eventTime })],
    ['an escaped key', '{"event\\u0054ime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject"}'],
    ['escaped values', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"Get\\"Obj\\\\ect\\u00e9\\/","sourceIPAddress":"\\u0031.2.3.4"}'],
    ['duplicate keys: the last one wins', '{"eventTime":"bad","eventSource":"x","eventName":"A","eventTime":"2024-01-01T00:00:00Z","eventName":"B"}'],
    ['a duplicate userIdentity replaces the first whole', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","userIdentity":{"arn":"first","type":"T"},"userIdentity":{"userName":"second"}}'],
    ['a duplicate userIdentity that is not an object', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","userIdentity":{"arn":"first"},"userIdentity":"x"}'],
    ['a session issuer only', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","userIdentity":{"sessionContext":{"sessionIssuer":{"arn":"role"}},"type":"AssumedRole"}}'],
    ['nulls count as absent', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","eventType":null,"errorCode":null,"sourceIPAddress":null,"userIdentity":null}'],
    ['a numeric account id', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","recipientAccountId":1.2345678901200E11}'],
    ['readOnly as a string', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"DeleteBucket","readOnly":"true"}'],
    ['a non-API-call event type', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","eventType":"AwsServiceEvent"}'],
  ])('accepts %s like the readers', (_case, text) => {
    expect(expectAgreement(text).kind).toBe('accepted');
  });

  it.each([
    ['eventTime missing', '{"eventSource":"s","eventName":"n"}'],
    ['eventTime null', '{"eventTime":null,"eventSource":"s","eventName":"n"}'],
    ['eventTime not ISO', '{"eventTime":"2024-01-01 00:00:00","eventSource":"s","eventName":"n"}'],
    ['eventTime a number', '{"eventTime":1704067200000,"eventSource":"s","eventName":"n"}'],
    ['eventSource a number', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":5,"eventName":"n"}'],
    ['eventSource an array', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":["s"],"eventName":"n"}'],
    ['eventName an object', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":{"n":1}}'],
    ['eventName empty', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":""}'],
    ['an empty object', '{}'],
  ])('rejects %s with the reason and message of judgeRecord', (_case, text) => {
    expect(expectAgreement(text).kind).toBe('rejected');
  });

  it.each([
    ['invalid JSON', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n"'],
    ['a trailing comma', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n",}'],
    ['a leading zero in a skipped number', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","x":01}'],
    ['an invalid escape in a skipped string', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","x":"\\x"}'],
    // Line breaks are control characters too, and the quick check for raw ones inside strings cannot tell where they are.
    ['a pretty-printed record', JSON.stringify(BASE, null, 2)],
    ['a raw tab inside a string', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n\tm"}'],
    ['a second value after the object', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n"} {}'],
    ['mismatched brackets in a skipped value', '{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","x":[1}'],
    ['an S3 Records object', '{"Records":[{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n"}]}'],
    ['an EventBridge envelope', '{"detail-type":"AWS API Call via CloudTrail","detail":{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n"}}'],
    ['an escaped envelope key', '{"R\\u0065cords":[]}'],
    ['an array of records', '[{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n"}]'],
    ['a string', '"record"'],
    ['nesting deeper than the scanner tracks', `{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s","eventName":"n","x":${'['.repeat(40)}${']'.repeat(40)}}`],
  ])('leaves %s to the general path', (_case, text) => {
    expect(scanCallFacts(text)).toEqual({ kind: 'fallback' });
  });

  it('scans a record inside a larger text by its bounds', () => {
    // Prepare
    const record = JSON.stringify(BASE);
    const text = `${record}\n  ${record} \n{"broken`;
    // Act
    const verdict = scanCallFacts(text, record.length + 1, record.length * 2 + 4);
    // Assess
    expect(comparable(verdict)).toEqual(comparable(referenceVerdict(record) as ScanVerdict));
  });
});

describe('scanCallFacts agrees with JSON.parse + judgeRecord + factsFromRecord (differential)', () => {
  it('on random record texts: same facts or same rejection, or fallback; never a verdict on invalid JSON', () => {
    fc.assert(
      fc.property(recordText, (text) => {
        expectAgreement(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('decides every valid, control-character-free plain record itself (no needless fallback)', () => {
    const compactStyle = printStyle.map((style) => ({ ...style, whitespace: style.whitespace.filter((ws) => ws === '' || ws === ' ') }));
    fc.assert(
      fc.property(recordTree, compactStyle, (tree, style) => {
        const text = printTree(tree, { ...style, whitespace: style.whitespace.length > 0 ? style.whitespace : [''] });
        fc.pre(referenceVerdict(text).kind !== 'not-a-plain-record');
        expect(expectAgreement(text).kind).not.toBe('fallback');
      }),
      { numRuns: 2000 },
    );
  });
});
