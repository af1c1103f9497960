import fc from 'fast-check';
import { allRecordLikeObjects, isJsonRecord } from '../schema/testing/cloudtrail-corpora';
import { identityKey } from './index';

// metrics.md "Identity key": first non-empty of these, u = userIdentity, else "unknown".
const SPEC_ORDER: ReadonlyArray<(u: Record<string, unknown>) => unknown> = [
  (u) => u['arn'],
  (u) => {
    const context = u['sessionContext'];
    const issuer = isJsonRecord(context) ? context['sessionIssuer'] : undefined;
    return isJsonRecord(issuer) ? issuer['arn'] : undefined;
  },
  (u) => u['userName'],
  (u) => u['principalId'],
  (u) => u['invokedBy'],
  (u) => u['type'],
];

/** The spec's rule, read straight off metrics.md, as the oracle for data-driven and property tests. */
function expectedIdentityKey(record: Record<string, unknown>): string {
  const identity = record['userIdentity'];
  if (!isJsonRecord(identity)) return 'unknown';
  for (const read of SPEC_ORDER) {
    const value = read(identity);
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'unknown';
}

const FULL_IDENTITY = {
  arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
  sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/Admin' } },
  userName: 'alice',
  principalId: 'AROAEXAMPLE:alice',
  invokedBy: 'ec2.amazonaws.com',
  type: 'AssumedRole',
};

describe('identityKey precedence (metrics.md "Identity key")', () => {
  it.each([
    ['u.arn first', FULL_IDENTITY, FULL_IDENTITY.arn],
    ['then the session issuer ARN', { ...FULL_IDENTITY, arn: undefined }, FULL_IDENTITY.sessionContext.sessionIssuer.arn],
    ['then u.userName', { ...FULL_IDENTITY, arn: '', sessionContext: { sessionIssuer: {} } }, FULL_IDENTITY.userName],
    [
      'then u.principalId',
      { principalId: FULL_IDENTITY.principalId, invokedBy: FULL_IDENTITY.invokedBy, type: FULL_IDENTITY.type },
      FULL_IDENTITY.principalId,
    ],
    ['then u.invokedBy', { invokedBy: FULL_IDENTITY.invokedBy, type: 'AWSService' }, FULL_IDENTITY.invokedBy],
    ['then u.type', { type: 'Unknown' }, 'Unknown'],
    ['else "unknown"', {}, 'unknown'],
  ])('%s', (_case, userIdentity, expected) => {
    // Act
    const key = identityKey({ userIdentity });

    // Assess
    expect(key).toBe(expected);
  });

  it.each([
    ['null', null],
    ['an empty string', ''],
    ['a number', 42],
    ['a boolean', true],
    ['an object', { value: 'x' }],
    ['an array', ['x']],
  ])('skips a field that is %s', (_case, value) => {
    // Prepare
    const record = { userIdentity: { arn: value, userName: 'alice' } };

    // Act
    const key = identityKey(record);

    // Assess
    expect(key).toBe('alice');
  });

  it.each([
    ['missing', {}],
    ['null', { userIdentity: null }],
    ['a string', { userIdentity: 'alice' }],
    ['a number', { userIdentity: 7 }],
    ['an array', { userIdentity: ['arn:aws:iam::1:user/alice'] }],
  ])('is "unknown" when userIdentity is %s', (_case, record) => {
    expect(identityKey(record)).toBe('unknown');
  });

  it.each([
    ['sessionContext is a string', { sessionContext: 'x', userName: 'alice' }],
    ['sessionIssuer is null', { sessionContext: { sessionIssuer: null }, userName: 'alice' }],
    ['sessionIssuer.arn is a number', { sessionContext: { sessionIssuer: { arn: 1 } }, userName: 'alice' }],
  ])('falls through when %s', (_case, userIdentity) => {
    expect(identityKey({ userIdentity })).toBe('alice');
  });
});

describe('identityKey on every userIdentity shape in the corpora', () => {
  const corpus = allRecordLikeObjects();

  it('sees the identity types the corpora README lists', () => {
    // Prepare
    const documentedInReadme = [
      'IAMUser',
      'AssumedRole',
      'Root',
      'AWSService',
      'AWSAccount',
      'FederatedUser',
      'Unknown',
      'IdentityCenterUser',
    ];

    // Act
    const seen = new Set(
      corpus.map(({ record }) => (isJsonRecord(record['userIdentity']) ? record['userIdentity']['type'] : undefined)),
    );

    // Assess
    expect([...seen]).toEqual(expect.arrayContaining(documentedInReadme));
  });

  const byIdentityType = new Map<string, Array<Record<string, unknown>>>();
  for (const { record } of corpus) {
    const identity = record['userIdentity'];
    const type = isJsonRecord(identity) ? String(identity['type'] ?? '(no type)') : `(userIdentity ${typeof identity})`;
    byIdentityType.set(type, [...(byIdentityType.get(type) ?? []), record]);
  }

  it.each([...byIdentityType])('follows the spec rule and is never empty for type %p', (_type, records) => {
    // Act
    const keys = records.map((record) => identityKey(record));

    // Assess
    expect(keys.filter((key) => key === '')).toEqual([]);
    expect(keys).toEqual(records.map((record) => expectedIdentityKey(record)));
  });
});

describe('identityKey properties', () => {
  it('never throws and always returns a non-empty string for any JSON userIdentity', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (userIdentity) => {
        const key = identityKey({ userIdentity });
        return typeof key === 'string' && key.length > 0;
      }),
    );
  });

  it('never throws for any object as the record', () => {
    fc.assert(
      fc.property(fc.object({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }), (record) => {
        return identityKey(record).length > 0;
      }),
    );
  });

  it('matches the spec rule for identities mixing present, empty, null and wrong-typed fields', () => {
    // Prepare
    const fieldValue = fc.oneof(fc.string(), fc.constant(''), fc.constant(null), fc.integer(), fc.constant(undefined));
    const identity = fc.record(
      {
        arn: fieldValue,
        sessionContext: fc.record({ sessionIssuer: fc.oneof(fc.record({ arn: fieldValue }), fc.constant(null)) }),
        userName: fieldValue,
        principalId: fieldValue,
        invokedBy: fieldValue,
        type: fieldValue,
      },
      { requiredKeys: [] },
    );

    // Act + Assess
    fc.assert(
      fc.property(identity, (userIdentity) => {
        const record = { userIdentity };
        expect(identityKey(record)).toBe(expectedIdentityKey(record));
      }),
    );
  });
});
