/**
 * fast-check arbitraries for whole NDJSON sources as bytes: record lines of every kind (see
 * record-text-arbitraries.ts), delivery formats on one line, blank and whitespace lines, CRLF,
 * invalid UTF-8, lines over the size limits, a byte order mark, a last line without a line feed,
 * cut into chunks anywhere. Test-only.
 */
import fc from 'fast-check';
import { printStyle, printTree, recordText, recordTree } from './record-text-arbitraries';

const encoder = new TextEncoder();

const validRecord = fc.tuple(recordTree, printStyle).map(([tree, style]) => printTree(tree, { ...style, whitespace: [''] }));

/** A well-formed accepted record with a time spread over a few windows (so the windows compare too). */
export const acceptedRecordLine: fc.Arbitrary<string> = fc
  .record({
    second: fc.integer({ min: 0, max: 300 }),
    eventSource: fc.constantFrom('ec2.amazonaws.com', 's3.amazonaws.com', 'iam.amazonaws.com'),
    eventName: fc.constantFrom('RunInstances', 'GetObject', 'CreateUser', 'DeleteBucket', 'DescribeInstances'),
    ip: fc.constantFrom('10.0.0.1', '10.0.0.2', '192.0.2.7'),
    user: fc.constantFrom('arn:aws:iam::1:user/a', 'arn:aws:iam::1:user/b'),
    errorCode: fc.option(fc.constantFrom('AccessDenied', 'ThrottlingException'), { nil: undefined }),
    eventType: fc.option(fc.constantFrom('AwsApiCall', 'AwsServiceEvent'), { nil: undefined }),
  })
  .map(({ second, ip, user, ...fields }) =>
    JSON.stringify({
      eventTime: new Date(Date.UTC(2024, 0, 1, 0, 0, second)).toISOString(),
      ...fields,
      sourceIPAddress: ip,
      userIdentity: { type: 'IAMUser', arn: user },
      requestParameters: { note: 'x'.repeat(second % 40) },
    }),
  );

/** One line's text: mostly records (valid or not), sometimes a delivery format or nothing at all. */
const lineText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: acceptedRecordLine },
  { weight: 6, arbitrary: recordText },
  { weight: 1, arbitrary: fc.array(validRecord, { maxLength: 3 }).map((records) => `{"Records":[${records.join(',')}]}`) },
  { weight: 1, arbitrary: fc.array(fc.oneof(validRecord, acceptedRecordLine), { maxLength: 3 }).map((records) => `[${records.join(',')}]`) },
  { weight: 1, arbitrary: acceptedRecordLine.map((record) => `{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.ec2","detail":${record}}`) },
  { weight: 1, arbitrary: fc.constant('{"detail-type":"Scheduled Event","detail":{}}') },
  { weight: 1, arbitrary: fc.constant('{"messageType":"CONTROL_MESSAGE","logEvents":[]}') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', 'null', '42', '"text"', '[]', '{}', 'not json') },
  { weight: 1, arbitrary: acceptedRecordLine.map((record) => record.replace('"GetObject"', '"Get\tObject"')) },
);

/** A line's bytes: its UTF-8 text, now and then with surrounding whitespace or broken UTF-8 in it. */
const lineBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 12, arbitrary: lineText.map((text) => encoder.encode(text)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(' ', '\t', '  '), lineText, fc.constantFrom(' ', '\r', '\t')).map(([before, text, after]) => encoder.encode(before + text + after)) },
  {
    weight: 1,
    arbitrary: fc.tuple(acceptedRecordLine, fc.nat(), fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x82])).map(([text, at, bad]) => {
      const bytes = encoder.encode(text);
      const cut = at % (bytes.length + 1);
      return Uint8Array.from([...bytes.subarray(0, cut), ...bad, ...bytes.subarray(cut)]);
    }),
  },
);

export interface NdjsonSource {
  readonly bytes: Uint8Array;
  /** Where the bytes are cut into chunks (sorted offsets). */
  readonly cuts: readonly number[];
}

/** A whole NDJSON source with LF or CRLF line ends, maybe a BOM, maybe no final line feed. */
export const ndjsonSource: fc.Arbitrary<NdjsonSource> = fc
  .record({
    lines: fc.array(lineBytes, { maxLength: 25 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalLineFeed: fc.boolean(),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map(({ lines, crlf, bom, finalLineFeed, cuts }) => {
    const lineEnd = crlf ? [0x0d, 0x0a] : [0x0a];
    const bytes: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
    lines.forEach((line, i) => {
      bytes.push(...line);
      if (i < lines.length - 1 || finalLineFeed) bytes.push(...lineEnd);
    });
    const all = Uint8Array.from(bytes);
    return { bytes: all, cuts: [...new Set(cuts.map((cut) => (all.length === 0 ? 0 : cut % all.length)))].sort((a, b) => a - b) };
  });

/** The source's bytes as chunks cut at `cuts`, each in its own buffer. */
export function chunksOf(source: NdjsonSource): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...source.cuts, source.bytes.length]) {
    if (cut > start) chunks.push(source.bytes.slice(start, cut));
    start = Math.max(start, cut);
  }
  return chunks;
}
