/**
 * fast-check arbitraries for record TEXTS (not objects): the formatting JSON.stringify never
 * produces is exactly what a hand-written scanner gets wrong, so keys are reordered, repeated and
 * escaped, whitespace varies, projected fields take every JSON type, junk values nest, and texts
 * are cut or corrupted. Test-only (imported by *.spec.ts files).
 */
import fc from 'fast-check';

/** A JSON value to print, with object members as a list so that keys can repeat. */
export type JsonTree =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'array'; readonly items: readonly JsonTree[] }
  | { readonly kind: 'object'; readonly members: readonly (readonly [string, JsonTree])[] };

const scalar = (text: string): JsonTree => ({ kind: 'scalar', text });
const str = (value: string): JsonTree => ({ kind: 'string', value });
const object = (members: readonly (readonly [string, JsonTree])[]): JsonTree => ({ kind: 'object', members });

/** Characters that trip scanners and decoders: quotes, escapes, brackets, control, multi-byte, surrogate pairs. */
const TRICKY_CHARS = ['"', '\\', '/', '{', '}', '[', ']', ',', ':', '\n', '\t', '\u0000', '\u001f', ' ', 'a', 'Z', '0', 'é', '€', '😀', '\u2028', '\uFEFF'];

export const trickyString = (minLength = 0, maxLength = 10): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength, maxLength });

const plainString = fc.string({ minLength: 0, maxLength: 12 });
const someString = fc.oneof(plainString, trickyString(), fc.string({ unit: 'grapheme', maxLength: 6 }));

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('0', '-0', '1E+2', '1e-7', '0.5E3', '123456789012', '1e400', '-1e400', '12.50', '9007199254740993'),
);

/** Any JSON value, nested a few levels, as junk around and inside the projected fields. */
export const junkTree: fc.Arbitrary<JsonTree> = fc.letrec<{ tree: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    someString.map(str),
    numberText.map(scalar),
    fc.constantFrom('true', 'false', 'null').map(scalar),
    fc.array(tie('tree'), { maxLength: 3 }).map((items): JsonTree => ({ kind: 'array', items })),
    fc.array(fc.tuple(someString, tie('tree')), { maxLength: 3 }).map(object),
  ),
})).tree;

/** A value of any type for a projected field: mostly plausible, often wrong. */
const fieldValue = (plausible: fc.Arbitrary<string>): fc.Arbitrary<JsonTree> =>
  fc.oneof(
    { weight: 6, arbitrary: plausible.map(str) },
    { weight: 1, arbitrary: fc.constant(scalar('null')) },
    { weight: 1, arbitrary: fc.constant(str('')) },
    { weight: 1, arbitrary: junkTree },
  );

const isoTime = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .chain((date) => {
    const iso = date.toISOString();
    return fc.constantFrom(iso, `${iso.slice(0, 19)}Z`, `${iso.slice(0, 19)}+02:00`, `${iso.slice(0, 10)} ${iso.slice(11, 19)}`, iso.slice(0, 10), `${iso.slice(0, 23)}456789Z`);
  });

const eventSource = fc.oneof(fc.constantFrom('ec2.amazonaws.com', 's3.amazonaws.com', 'iam.amazonaws.com', 'sts.amazonaws.com', 'signin.amazonaws.com'), someString);
const eventName = fc.oneof(fc.constantFrom('RunInstances', 'DescribeInstances', 'GetObject', 'DeleteBucket', 'ConsoleLogin', 'PutObject20180101'), someString);
const eventType = fc.oneof(fc.constantFrom('AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn', 'AwsCloudTrailInsight'), someString);
const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('ec2.amazonaws.com', 'AWS Internal'), someString);
const errorCode = fc.oneof(fc.constantFrom('AccessDenied', 'ThrottlingException', 'Client.UnauthorizedOperation', 'NoSuchEntity'), someString);
const accountId = fc.oneof(fc.stringMatching(/^\d{12}$/), someString);
const region = fc.oneof(fc.constantFrom('us-east-1', 'eu-west-3', 'sagov-westsouth-1r'), someString);
const arn = fc.oneof(fc.constantFrom('arn:aws:iam::123456789012:user/alice', 'arn:aws:sts::123456789012:assumed-role/R/s'), someString);

const readOnlyValue: fc.Arbitrary<JsonTree> = fc.oneof(
  fc.constantFrom('true', 'false', 'null').map(scalar),
  fc.constantFrom('true', 'false', 'yes', '').map(str),
  junkTree,
);
const recipientAccountId: fc.Arbitrary<JsonTree> = fc.oneof(fieldValue(accountId), numberText.map(scalar));

/** Members of an object: required ones plus optional ones, any of them possibly repeated, in random order. */
const membersOf = (
  fields: readonly (readonly [string, fc.Arbitrary<JsonTree>])[],
  extraKeys: fc.Arbitrary<string>,
): fc.Arbitrary<(readonly [string, JsonTree])[]> =>
  fc
    .tuple(
      fc.tuple(...fields.map(([key, value]) => fc.option(fc.array(value, { minLength: 1, maxLength: 2 }), { freq: 4, nil: undefined }).map((values) => (values ?? []).map((v) => [key, v] as const)))),
      fc.array(fc.tuple(extraKeys, junkTree), { maxLength: 4 }),
    )
    .chain(([projected, extra]) => fc.shuffledSubarray([...projected.flat(), ...extra], { minLength: projected.flat().length + extra.length }));

const issuerTree: fc.Arbitrary<JsonTree> = fc.oneof(
  { weight: 4, arbitrary: membersOf([['arn', fieldValue(arn)], ['userName', fieldValue(plainString)]], plainString).map(object) },
  { weight: 1, arbitrary: junkTree },
);
const sessionContextTree: fc.Arbitrary<JsonTree> = fc.oneof(
  { weight: 4, arbitrary: membersOf([['sessionIssuer', issuerTree], ['attributes', junkTree]], plainString).map(object) },
  { weight: 1, arbitrary: junkTree },
);
const identityTree: fc.Arbitrary<JsonTree> = fc.oneof(
  {
    weight: 5,
    arbitrary: membersOf(
      [
        ['arn', fieldValue(arn)],
        ['sessionContext', sessionContextTree],
        ['userName', fieldValue(plainString)],
        ['principalId', fieldValue(plainString)],
        ['invokedBy', fieldValue(plainString)],
        ['type', fieldValue(fc.constantFrom('IAMUser', 'AssumedRole', 'Root', 'AWSService'))],
        ['accountId', fc.oneof(fieldValue(accountId), numberText.map(scalar))],
      ],
      plainString,
    ).map(object),
  },
  { weight: 1, arbitrary: junkTree },
);

/** Keys of records that look like the projected ones, and ones that are near misses. */
const nearMissKeys = fc.constantFrom('eventTimes', 'eventtime', 'EventName', 'eventID', 'requestID', 'userAgent', 'eventVersion', 'managementEvent', 'eventCategory', 'awsregion', 'readonly', '__proto__', 'detail', 'logFiles', 'record');

/** A record-shaped object: every projected field optional, repeatable, of any type, among junk. */
export const recordTree: fc.Arbitrary<JsonTree> = membersOf(
  [
    ['eventTime', fieldValue(isoTime)],
    ['eventSource', fieldValue(eventSource)],
    ['eventName', fieldValue(eventName)],
    ['eventType', fieldValue(eventType)],
    ['sourceIPAddress', fieldValue(ip)],
    ['errorCode', fieldValue(errorCode)],
    ['readOnly', readOnlyValue],
    ['recipientAccountId', recipientAccountId],
    ['awsRegion', fieldValue(region)],
    ['userIdentity', identityTree],
  ],
  fc.oneof(plainString, nearMissKeys),
).map(object);

/** Envelope-ish top-level members that must send the text to the general path. */
export const envelopeMember: fc.Arbitrary<readonly [string, JsonTree]> = fc.oneof(
  fc.constant(['Records', { kind: 'array', items: [] }] as const),
  fc.constant(['detail-type', str('AWS API Call via CloudTrail')] as const),
  fc.constant(['messageType', str('CONTROL_MESSAGE')] as const),
  fc.constant(['digestStartTime', str('2024-01-01T00:00:00Z')] as const),
);

/** How a tree is printed: whitespace between tokens and how characters of strings are escaped. */
export interface PrintStyle {
  /** Whitespace to use, picked per token from this list (cycling with the seed). */
  readonly whitespace: readonly string[];
  /** Per-mille of characters printed as \uXXXX even though they need no escape. */
  readonly unicodeEscapes: number;
  readonly seed: number;
}

export const printStyle: fc.Arbitrary<PrintStyle> = fc.record({
  whitespace: fc.oneof(
    { weight: 4, arbitrary: fc.constant(['']) },
    { weight: 2, arbitrary: fc.constant(['', ' ']) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('', ' ', '  ', '\t', '\r', '\n'), { minLength: 1, maxLength: 4 }) },
  ),
  unicodeEscapes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 })),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});

/** Prints `tree` as JSON text in `style` (always valid JSON). */
export function printTree(tree: JsonTree, style: PrintStyle): string {
  let state = style.seed;
  const next = (bound: number): number => {
    // A tiny LCG: deterministic per seed, so a failing case replays exactly.
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % bound;
  };
  const ws = (): string => style.whitespace[next(style.whitespace.length)] ?? '';
  const literal = (value: string): string => {
    let out = '"';
    // Unit by unit: escaping one half of a surrogate pair and not the other still decodes to the same string.
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      const mustEscape = unit === 0x22 || unit === 0x5c || unit < 0x20;
      out += mustEscape || next(1000) < style.unicodeEscapes ? escapeUnit(unit, next(2) === 0) : value.charAt(i);
    }
    return `${out}"`;
  };
  const print = (node: JsonTree): string => {
    switch (node.kind) {
      case 'scalar':
        return node.text;
      case 'string':
        return literal(node.value);
      case 'array':
        return `[${ws()}${node.items.map((item) => print(item)).join(`${ws()},${ws()}`)}${ws()}]`;
      case 'object':
        return `{${ws()}${node.members.map(([key, value]) => `${literal(key)}${ws()}:${ws()}${print(value)}`).join(`${ws()},${ws()}`)}${ws()}}`;
    }
  };
  return print(tree);
}

/** One UTF-16 unit as a JSON escape: the short form where JSON has one (unless `long`), else \uXXXX in either case. */
function escapeUnit(unit: number, long: boolean): string {
  const short: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x2f: '\\/' };
  const hex = unit.toString(16).padStart(4, '0');
  return !long && short[unit] !== undefined ? short[unit] : `\\u${unit % 2 === 0 ? hex : hex.toUpperCase()}`;
}

/** Ways to break a valid text. */
export type Corruption =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly text: string };

const CORRUPTING_TEXT = [',', '}', ']', '{', '[', '"', '\\', ':', '0', '-', '.', 'e', ' ', 'x', 'n', '\u0001', '\t', '\\u12', 'é', '\uD800'];

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.nat().map((at): Corruption => ({ kind: 'truncate', at })),
  fc.tuple(fc.nat(), fc.constantFrom(...CORRUPTING_TEXT)).map(([at, text]): Corruption => ({ kind: 'insert', at, text })),
  fc.nat().map((at): Corruption => ({ kind: 'delete', at })),
  fc.tuple(fc.nat(), fc.constantFrom(...CORRUPTING_TEXT)).map(([at, text]): Corruption => ({ kind: 'replace', at, text })),
);

export function corrupt(text: string, change: Corruption): string {
  const at = text.length === 0 ? 0 : change.at % text.length;
  switch (change.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'replace':
      return text.slice(0, at) + change.text + text.slice(at + 1);
  }
}

/** A record text: printed in a random style, sometimes with an envelope key, sometimes corrupted. */
export const recordText: fc.Arbitrary<string> = fc
  .tuple(
    recordTree,
    printStyle,
    fc.option(envelopeMember, { freq: 10, nil: undefined }),
    fc.option(corruption, { freq: 4, nil: undefined }),
  )
  .map(([tree, style, envelope, change]) => {
    const withEnvelope = envelope !== undefined && tree.kind === 'object' ? object([...tree.members, envelope]) : tree;
    const text = printTree(withEnvelope, style);
    return change === undefined ? text : corrupt(text, change);
  });
