/** fast-check arbitraries for records that the acceptance rule takes, with text made to trip a scanner. */
import fc from 'fast-check';

/** Characters that matter to a JSON scanner or a UTF-8 decoder: quotes, escapes, brackets, multi-byte. */
const TRICKY_CHARS = ['"', '\\', '{', '}', '[', ']', ',', ':', '\n', '\r', '\t', '\u0000', ' ', 'a', 'é', '€', '😀', '\u2028', '\uFEFF'];

export const trickyString = (minLength = 0): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength, maxLength: 12 });

/** Keys that would turn a record into a delivery format (and "__proto__", which objects treat specially). */
const RESERVED_KEYS = new Set(['Records', 'detail-type', 'detail', 'messageType', 'digestStartTime', 'eventTime', 'eventSource', 'eventName', '__proto__']);

const extraValue: fc.Arbitrary<unknown> = fc.oneof(
  trickyString(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(trickyString(), { maxLength: 3 }),
  fc.dictionary(trickyString(1), trickyString(), { maxKeys: 3 }),
);

export const acceptableRecord: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    eventTime: fc
      .date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    eventSource: trickyString(1),
    eventName: trickyString(1),
    extra: fc.dictionary(trickyString(1).filter((key) => !RESERVED_KEYS.has(key)), extraValue, { maxKeys: 4 }),
  })
  .map(({ extra, ...required }) => ({ ...extra, ...required }));

/** How a list of records is laid out as bytes. */
export type Layout = 'ndjson' | 'ndjson-crlf' | 'records' | 'records-pretty' | 'array' | 'array-pretty' | 'envelopes-ndjson' | 'envelopes-array';

export const LAYOUTS: readonly Layout[] = ['ndjson', 'ndjson-crlf', 'records', 'records-pretty', 'array', 'array-pretty', 'envelopes-ndjson', 'envelopes-array'];

export interface LaidOut {
  readonly text: string;
  /** Source name: its extension tells the reader the format, as a file name would. */
  readonly source: string;
  /** UTF-16 offset just after each record's own text (the envelope's, for envelopes). */
  readonly recordEnds: readonly number[];
}

const envelope = (record: unknown): unknown => ({ version: '0', 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.test', detail: record });

/** Serialises `records` in `layout`, remembering where each record ends. */
export function layOut(records: readonly unknown[], layout: Layout): LaidOut {
  const pretty = layout.endsWith('-pretty');
  const items = layout.startsWith('envelopes') ? records.map(envelope) : records;
  const texts = items.map((item) => (pretty ? JSON.stringify(item, null, 2).replace(/\n/g, '\n  ') : JSON.stringify(item)));
  const [open, separator, close] = frame(layout);
  const recordEnds: number[] = [];
  let text = open;
  texts.forEach((itemText, i) => {
    text += (i > 0 ? separator : '') + itemText;
    recordEnds.push(text.length);
  });
  text += close;
  return { text, source: layout.includes('ndjson') ? 'input.ndjson' : 'input.json', recordEnds };
}

function frame(layout: Layout): [string, string, string] {
  switch (layout) {
    case 'ndjson':
    case 'envelopes-ndjson':
      return ['', '\n', '\n'];
    case 'ndjson-crlf':
      return ['\r\n', '\r\n\r\n', ''];
    case 'records':
      return ['{"Records":[', ',', ']}'];
    case 'records-pretty':
      return ['{\n  "Records": [\n  ', ',\n  ', '\n  ]\n}\n'];
    case 'array':
    case 'envelopes-array':
      return ['[', ',', ']'];
    case 'array-pretty':
      return ['[\n  ', ',\n  ', '\n]\n'];
  }
}
