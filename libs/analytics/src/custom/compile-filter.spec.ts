import fc from 'fast-check';
import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { compileFilter } from './compile-filter';
import { type FilterCondition, filterConditionSchema } from './filter-schema';
import { apiCall, factsOf } from './testing/records';

/** Validates `condition` as a definition would, compiles it and tests `record`. */
function matches(condition: unknown, record: CloudTrailLikeRecord): boolean {
  return compileFilter(filterConditionSchema.parse(condition), 'probe')(record, factsOf(record));
}

describe('compileFilter: operators', () => {
  const record = apiCall({
    errorCode: 'AccessDenied',
    readOnly: true,
    eventVersion: 1.08,
    empty: '',
    nothing: null,
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/Alice' },
    additionalEventData: { MFAUsed: 'No' },
    resources: [{ ARN: 'arn:aws:s3:::logs' }, { ARN: 'arn:aws:s3:::data' }],
    tlsDetails: { 'tls.version': 'TLSv1.3' },
  });

  it.each([
    ['equals a string', { field: 'errorCode', equals: 'AccessDenied' }, true],
    ['equals another string', { field: 'errorCode', equals: 'accessdenied' }, false],
    ['equals ignoring case', { field: 'errorCode', equals: 'accessdenied', ignoreCase: true }, true],
    ['equals a boolean', { field: 'readOnly', equals: true }, true],
    ['equals a number', { field: 'eventVersion', equals: 1.08 }, true],
    ['equals the empty string (present, not absent)', { field: 'empty', equals: '' }, true],
    ['in', { field: 'errorCode', in: ['Throttling', 'AccessDenied'] }, true],
    ['in, missing', { field: 'errorCode', in: ['Throttling'] }, false],
    ['in ignoring case', { field: 'errorCode', in: ['ACCESSDENIED', 3], ignoreCase: true }, true],
    ['in with a boolean', { field: 'readOnly', in: [false, true] }, true],
    ['prefix', { field: 'errorCode', prefix: 'Access' }, true],
    ['prefix ignoring case', { field: 'errorCode', prefix: 'ACCESS', ignoreCase: true }, true],
    ['prefix, no match', { field: 'errorCode', prefix: 'Denied' }, false],
    ['suffix', { field: 'errorCode', suffix: 'Denied' }, true],
    ['suffix ignoring case', { field: 'errorCode', suffix: 'DENIED', ignoreCase: true }, true],
    ['contains', { field: 'userIdentity.arn', contains: ':user/' }, true],
    ['contains ignoring case', { field: 'userIdentity.arn', contains: 'ALICE', ignoreCase: true }, true],
    ['contains, no match', { field: 'userIdentity.arn', contains: ':role/' }, false],
    ['regex', { field: 'userIdentity.arn', regex: '^arn:aws:iam::\\d{12}:user/' }, true],
    ['regex ignoring case', { field: 'userIdentity.arn', regex: 'alice$', ignoreCase: true }, true],
    ['regex, no match', { field: 'userIdentity.arn', regex: '^arn:aws:sts' }, false],
    ['exists: true on a present field', { field: 'additionalEventData.MFAUsed', exists: true }, true],
    ['exists: false on a present field', { field: 'additionalEventData.MFAUsed', exists: false }, false],
    ['exists: false on a missing field', { field: 'additionalEventData.LoginTo', exists: false }, true],
    ['an array index', { field: 'resources.1.ARN', equals: 'arn:aws:s3:::data' }, true],
    ['an array index past the end', { field: 'resources.2.ARN', exists: true }, false],
    ['the array form for a key with a dot', { field: ['tlsDetails', 'tls.version'], equals: 'TLSv1.3' }, true],
    ['the array form with a numeric index', { field: ['resources', 0, 'ARN'], suffix: 'logs' }, true],
    ['the dotted form does not split keys that contain a dot', { field: 'tlsDetails.tls.version', exists: true }, false],
  ])('%s', (_case, condition, expected) => {
    expect(matches(condition, record)).toBe(expected);
  });

  it.each([
    ['equals', { field: 'nothing', equals: 'x' }, false],
    ['in', { field: 'nothing', in: ['x', 0, false] }, false],
    ['prefix', { field: 'nothing', prefix: 'x' }, false],
    ['regex that matches anything', { field: 'nothing', regex: '.*' }, false],
    ['exists: true', { field: 'nothing', exists: true }, false],
    ['exists: false', { field: 'nothing', exists: false }, true],
    ['not equals', { not: { field: 'nothing', equals: 'x' } }, true],
    ['a path through null', { field: 'nothing.deeper', exists: false }, true],
  ])('treats a null field as absent: %s', (_case, condition, expected) => {
    expect(matches(condition, record)).toBe(expected);
  });

  it.each([
    ['the string "true" vs true', { field: 'readOnly', equals: 'true' }],
    ['1.08 as a string', { field: 'eventVersion', equals: '1.08' }],
    ['prefix on a number', { field: 'eventVersion', prefix: '1' }],
    ['regex on an object', { field: 'userIdentity', regex: '.' }],
    ['regex on an array', { field: 'resources', regex: '.' }],
    ['contains on a boolean', { field: 'readOnly', contains: 'true' }],
    ['in with a string for a boolean', { field: 'readOnly', in: ['true'] }],
    ['a field below a string', { field: 'errorCode.length', exists: true }],
    ['an index into an object', { field: 'userIdentity.0', exists: true }],
    ['a key of an array', { field: 'resources.length', exists: true }],
  ])('never coerces types: %s does not match', (_case, condition) => {
    expect(matches(condition, record)).toBe(false);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('never reads %p from the prototype', (key) => {
    expect(matches({ field: key, exists: true }, record)).toBe(false);
    expect(matches({ field: `userIdentity.${key}`, exists: true }, record)).toBe(false);
  });

  it('reads a numeric key of an object with a numeric segment', () => {
    expect(matches({ field: 'map.0', equals: 'zero' }, apiCall({ map: { 0: 'zero' } }))).toBe(true);
  });
});

describe('compileFilter: derived keys read the spec rules, not the raw fields', () => {
  const record = apiCall({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateUser',
    eventType: undefined,
    errorCode: 'AccessDenied',
    awsRegion: 'eu-west-1',
    recipientAccountId: '111122223333',
    sourceIPAddress: '203.0.113.7',
    userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/Ops' } } },
  });

  it.each([
    ['$identity', 'arn:aws:iam::111122223333:role/Ops'],
    ['$service', 'iam'],
    ['$account', '111122223333'],
    ['$region', 'eu-west-1'],
    ['$errorClass', 'access-denied'],
    ['$category', 'create'],
    ['$sourceIp', '203.0.113.7'],
    ['$eventType', '(absent)'],
    ['$apiCall', 'iam.amazonaws.com:CreateUser'],
    ['$successful', false],
  ])('%s is %p', (field, value) => {
    expect(matches({ field, equals: value }, record)).toBe(true);
  });

  it('lets the array form address a record key that starts with "$"', () => {
    expect(matches({ field: ['$identity'], equals: 'raw' }, apiCall({ $identity: 'raw' }))).toBe(true);
  });
});

describe('compileFilter: combinators', () => {
  const denied = apiCall({ errorCode: 'AccessDenied' });
  const yes = { field: 'errorCode', exists: true };
  const no = { field: 'errorCode', exists: false };

  it.each([
    ['and, all true', { and: [yes, yes] }, true],
    ['and, one false', { and: [yes, no] }, false],
    ['or, one true', { or: [no, yes] }, true],
    ['or, all false', { or: [no, no] }, false],
    ['not', { not: no }, true],
    ['nested', { or: [{ and: [yes, { not: yes }] }, { not: { or: [no, { not: yes }] } }] }, true],
  ])('%s', (_case, condition, expected) => {
    expect(matches(condition, denied)).toBe(expected);
  });

  it('evaluates 32 levels of nesting', () => {
    // Prepare: not(and(not(and(... errorCode exists ...)))) with 16 nots, an even count.
    let condition: unknown = yes;
    for (let level = 0; level < 32; level++) condition = level % 2 === 0 ? { not: condition } : { and: [condition, { not: no }] };
    // Act + Assess
    expect(matches(condition, denied)).toBe(true);
    expect(matches(condition, apiCall())).toBe(false);
  });
});

describe('compileFilter: properties', () => {
  // A small world of paths and values so that random filters and records actually meet.
  const paths = ['a', 'b.c', 'b.d', 'list.0', 'list.1.x'] as const;
  const scalar = fc.oneof(fc.constantFrom('x', 'X', 'xy', 'yx', '', '1'), fc.constantFrom(1, 0, -1.5), fc.boolean());
  const anyValue = fc.oneof(scalar, fc.constant(null), fc.constant({}), fc.constant([]), fc.dictionary(fc.constantFrom('c', 'x'), scalar));

  const recordArbitrary = fc
    .record(
      { a: anyValue, b: fc.oneof(anyValue, fc.record({ c: anyValue, d: anyValue }, { requiredKeys: [] })), list: fc.oneof(anyValue, fc.array(fc.oneof(anyValue, fc.record({ x: anyValue })), { maxLength: 3 })) },
      { requiredKeys: [] },
    )
    .map((fields) => apiCall(fields));

  const field = fc.constantFrom(...paths);
  const text = fc.constantFrom('x', 'X', 'y', '1');
  const leaf: fc.Arbitrary<FilterCondition> = fc.oneof(
    fc.record({ field, equals: scalar }),
    fc.record({ field, in: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
    fc.record({ field, prefix: text, ignoreCase: fc.boolean() }),
    fc.record({ field, suffix: text }),
    fc.record({ field, contains: text, ignoreCase: fc.boolean() }),
    fc.record({ field, regex: fc.constantFrom('^x', 'y$', '[0-9]', '.'), ignoreCase: fc.boolean() }),
    fc.record({ field, exists: fc.boolean() }),
  );
  const { filter } = fc.letrec<{ filter: FilterCondition }>((tie) => ({
    filter: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
      fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
      tie('filter').map((not) => ({ not })),
    ),
  }));

  /** An independent, slow interpreter of the documented semantics. */
  function reference(condition: FilterCondition, record: CloudTrailLikeRecord): boolean {
    if ('and' in condition) return condition.and.every((branch) => reference(branch, record));
    if ('or' in condition) return condition.or.some((branch) => reference(branch, record));
    if ('not' in condition) return !reference(condition.not, record);
    let value: unknown = record;
    for (const key of String(condition.field).split('.')) {
      value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (value === null) value = undefined;
    if ('exists' in condition) return (value !== undefined) === condition.exists;
    const fold = (v: unknown) => (condition.ignoreCase === true && typeof v === 'string' ? v.toLowerCase() : v);
    if ('equals' in condition) return fold(value) === fold(condition.equals);
    if ('in' in condition) return condition.in.some((member) => fold(member) === fold(value));
    if (typeof value !== 'string') return false;
    const folded = fold(value) as string;
    if ('prefix' in condition) return folded.startsWith(fold(condition.prefix) as string);
    if ('suffix' in condition) return folded.endsWith(condition.suffix);
    if ('contains' in condition) return folded.includes(fold(condition.contains) as string);
    return new RegExp(condition.regex, condition.ignoreCase === true ? 'i' : '').test(value);
  }

  it('agrees with a reference interpreter on random filters and records', () => {
    fc.assert(
      fc.property(filter, recordArbitrary, (condition, record) => {
        expect(matches(condition, record)).toBe(reference(condition, record));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws, whatever the record holds', () => {
    const compiled = compileFilter(
      filterConditionSchema.parse({
        or: [
          { field: 'userIdentity.sessionContext.attributes.mfaAuthenticated', equals: 'true' },
          { field: 'requestParameters.0.x', regex: 'a|b' },
          { field: ['resources', 3, 'ARN'], prefix: 'arn:' },
          { field: '$identity', in: ['x'] },
        ],
      }),
      'probe',
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (fields) => {
        const record = apiCall(fields);
        expect(typeof compiled(record, factsOf(record))).toBe('boolean');
      }),
    );
  });
});
