import { type CloudTrailLikeRecord, type ReadBatch, readRecords } from '@trailpulse/event-schema';
import fc from 'fast-check';
import { analyzeBatches, createEngine, type Engine } from '../engine';
import { type BatchOutput } from '../output/metrics-output';
import { analyzeNdjson } from './analyze-ndjson';
import { eventCountsOf } from '../output/event-counts';
import { factsFromRecord } from '../facts/call-facts';
import { type FactsConsumer, NdjsonFactsReader, type NdjsonRejection } from './ndjson-facts';
import { acceptedRecordLine, chunksOf, ndjsonSource } from './testing/ndjson-arbitraries';

interface Limits {
  readonly maxRecordBytes?: number;
  readonly maxTextBytes?: number;
}

interface Run {
  readonly output: BatchOutput;
  readonly rejections: readonly NdjsonRejection[];
  readonly skipped: readonly string[];
}

const WINDOW_SECONDS = 60;
const encoder = new TextEncoder();

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** The readers' run: readRecords (NDJSON by name) into analyzeBatches. */
async function referenceRun(chunks: readonly Uint8Array[], limits: Limits): Promise<Run> {
  const batches: ReadBatch[] = [];
  for await (const batch of readRecords(iterate(chunks), { source: 'input.ndjson', ...limits })) batches.push(batch);
  const output = await analyzeBatches(iterate(batches), { windowSeconds: WINDOW_SECONDS });
  return {
    output,
    rejections: batches.flatMap((batch) => batch.rejected.map(({ reason, message, location }) => ({ reason, message, line: location.line ?? 0 }))),
    skipped: batches.flatMap((batch) => batch.skipped.map(({ reason }) => reason)),
  };
}

/** A reader over `chunks` feeding `consumer`, which feeds `engine`: what the readers' run is compared on. */
function readerRun(engine: Engine, consumer: FactsConsumer, chunks: readonly Uint8Array[], options: Limits & { readonly needsFullRecords?: boolean; readonly keepBytes?: boolean }): Run {
  const rejections: NdjsonRejection[] = [];
  const reader = new NdjsonFactsReader(consumer, { source: 'input.ndjson', ...options, onRejected: (rejection) => rejections.push(rejection) });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return {
    output: { events: eventCountsOf(reader.stats), windowSeconds: WINDOW_SECONDS, windows: engine.flush() },
    rejections,
    skipped: reader.stats.filesSkipped.map(({ reason }) => reason),
  };
}

/** The fast path's run over the same chunks. */
function fastRun(chunks: readonly Uint8Array[], limits: Limits, needsFullRecords = false): Run {
  const engine = createEngine({ windowSeconds: WINDOW_SECONDS });
  return readerRun(engine, engine, chunks, { ...limits, needsFullRecords });
}

/**
 * The fast path with `keepBytes`: each scanned record's bytes are decoded and parsed, and that record
 * must give the very facts the scanner handed over (so the bytes are that record's and no neighbour's);
 * the engine is fed the parsed record, so the output must still equal the readers'.
 */
function keptBytesRun(chunks: readonly Uint8Array[], limits: Limits): Run & { readonly scanned: number } {
  const engine = createEngine({ windowSeconds: WINDOW_SECONDS });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let scanned = 0;
  const consumer: FactsConsumer = {
    addFacts: (facts, record) => engine.addFacts(facts, record),
    addScanned: (facts, _projected, bytes, start, end) => {
      const text = decoder.decode(bytes.subarray(start, end));
      expect(text).toBe(text.trim());
      const record = JSON.parse(text) as CloudTrailLikeRecord;
      expect(factsFromRecord(record, facts.eventTimeMs)).toEqual(facts);
      scanned++;
      engine.addFacts(facts, record);
    },
  };
  // readerRun runs before `scanned` is read.
  return { ...readerRun(engine, consumer, chunks, { ...limits, keepBytes: true }), scanned };
}

async function expectSameAsReaders(chunks: readonly Uint8Array[], limits: Limits = {}): Promise<Run> {
  const reference = await referenceRun(chunks, limits);
  const fast = fastRun(chunks, limits);
  expect(fast).toEqual(reference);
  expect(fastRun(chunks, limits, true)).toEqual(reference);
  const { scanned, ...kept } = keptBytesRun(chunks, limits);
  expect(kept).toEqual(reference);
  expect(scanned).toBeLessThanOrEqual(reference.output.events.accepted);
  return fast;
}

const lines = (...texts: string[]): Uint8Array[] => [encoder.encode(texts.join('\n'))];
const RECORD = '{"eventTime":"2024-01-01T00:00:10Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","sourceIPAddress":"10.0.0.1"}';

describe('NdjsonFactsReader reads NDJSON as the readers do', () => {
  it('counts accepted records by eventType and feeds their facts to the engine', async () => {
    const run = await expectSameAsReaders(lines(RECORD, RECORD.replace('{', '{"eventType":"AwsServiceEvent",'), RECORD.replace('{', '{"eventType":5,'), ''));
    expect(run.output.events).toEqual({ read: 3, accepted: 3, rejected: 0, rejectReasons: {}, byEventType: { '(absent)': 1, '5': 1, AwsServiceEvent: 1 } });
    expect(run.output.windows).toHaveLength(1);
  });

  it('rejects bad lines with the readers\' reasons, messages and line numbers, and keeps the good ones around them', async () => {
    const run = await expectSameAsReaders(lines(RECORD, '{"eventTime":"2024-01-01T00:00:10Z"', '', '  ', 'null', '{"eventSource":"s","eventName":"n"}', RECORD));
    expect(run.rejections.map(({ reason, line }) => [reason, line])).toEqual([
      ['invalid-json', 2],
      ['not-an-object', 5],
      ['missing-eventTime', 6],
    ]);
  });

  it('hands the bytes of each scanned record with keepBytes, across chunks, pieces and non-ASCII text', () => {
    // Prepare: lines around a 64 KiB piece boundary, non-ASCII ones (bytes != characters), padding, CRLF, a BOM.
    const filler = RECORD.replace('RunInstances', 'f'.repeat(40_000));
    const text = ['\uFEFF' + RECORD, `  ${RECORD.replace('10.0.0.1', 'é€😀')}\t\r`, filler, RECORD.replace('RunInstances', 'ü'.repeat(20_000)), filler, `${RECORD}\r`, ''].join('\n');
    const bytes = encoder.encode(text);
    for (const chunks of [[bytes], [bytes.slice(0, 5), bytes.slice(5, 70_000), bytes.slice(70_000)], [...bytes].map((byte) => Uint8Array.of(byte)).slice(0, 3).concat([bytes.slice(3)])]) {
      // Act
      const run = keptBytesRun(chunks, {});
      // Assess: every record came through addScanned (checked there), none through addFacts.
      expect(run.scanned).toBe(6);
      expect(run.output.events.accepted).toBe(6);
    }
  });

  it('refuses keepBytes without a consumer that takes bytes', () => {
    expect(() => new NdjsonFactsReader(createEngine({ windowSeconds: 60 }), { source: 's', keepBytes: true })).toThrow(/addScanned/);
  });

  it.each([
    ['CRLF line ends', [encoder.encode(`${RECORD}\r\n${RECORD}\r\n`)]],
    ['a byte order mark split across chunks', [Uint8Array.of(0xef), Uint8Array.of(0xbb, 0xbf, ...encoder.encode(`${RECORD}\n`))]],
    ['a byte order mark on a later line (invalid JSON there)', [encoder.encode(`${RECORD}\n\uFEFF${RECORD}\n`)]],
    ['a last line without a line feed', lines(RECORD, RECORD)],
    ['a last line cut inside a value (truncated)', lines(RECORD, RECORD.slice(0, 40))],
    ['a last line cut after a complete value', lines(RECORD, `${RECORD}   `)],
    ['invalid UTF-8 in one line', [Uint8Array.from([...encoder.encode(`${RECORD}\n{"a":"`), 0xff, ...encoder.encode(`"}\n${RECORD}\n`)])]],
    ['a raw tab inside a string', lines(RECORD.replace('RunInstances', 'Run\tInstances'), RECORD)],
    ['an EventBridge envelope line', lines(`{"detail-type":"AWS API Call via CloudTrail","detail":${RECORD}}`, '{"detail-type":"Scheduled Event","detail":{}}')],
    ['a Records line and an array line', lines(`{"Records":[${RECORD},${RECORD},{}]}`, `[${RECORD},[${RECORD}]]`)],
    ['CloudWatch Logs messages', lines(`{"messageType":"DATA_MESSAGE","logEvents":[{"message":${JSON.stringify(RECORD)}},{"message":"{"}]}`, '{"messageType":"CONTROL_MESSAGE"}')],
    ['non-ASCII text', lines(RECORD.replace('10.0.0.1', 'é€😀'), RECORD.replace('RunInstances', 'R\\u00e9un'))],
  ])('handles %s', async (_case, chunks) => {
    await expectSameAsReaders(chunks);
  });

  it('rejects lines over the record limit as too-large, and lines over the text limit unread', async () => {
    const big = RECORD.replace('RunInstances', 'x'.repeat(600));
    const threeRecords = `{"Records":[${RECORD},${RECORD},${RECORD}]}`;
    const run = await expectSameAsReaders(lines(RECORD, big, ' '.repeat(900), `[${big}]`, threeRecords, big.replace('"x', '"é')), {
      maxRecordBytes: 300,
      maxTextBytes: 800,
    });
    // big, the blank line over the text limit, big inside an array, big with a two-byte character;
    // the Records line is over the record limit but each of its records is not.
    expect(run.output.events.rejectReasons).toEqual({ 'too-large': 4 });
    expect(run.output.events.accepted).toBe(4);
  });

  it('reads lines longer than a decode piece (64 KiB) and over the default record limit', async () => {
    const long = RECORD.replace('RunInstances', 'y'.repeat(100_000));
    const huge = RECORD.replace('RunInstances', 'z'.repeat(300_000));
    const oversized = RECORD.replace('RunInstances', 'w'.repeat(1_100_000));
    const source = encoder.encode([RECORD, long, huge, oversized, RECORD].join('\n'));
    await expectSameAsReaders([source]);
    await expectSameAsReaders([source.slice(0, 70_000), source.slice(70_000, 1_000_000), source.slice(1_000_000)]);
  });

  it('agrees with the readers on random sources cut into random chunks (differential)', async () => {
    await fc.assert(
      fc.asyncProperty(ndjsonSource, fc.constantFrom<Limits>({}, { maxRecordBytes: 400, maxTextBytes: 900 }, { maxRecordBytes: 250 }), async (source, limits) => {
        await expectSameAsReaders(chunksOf(source), limits);
      }),
      { numRuns: 400 },
    );
  });
});

describe('analyzeNdjson', () => {
  it('gives the BatchOutput of analyzeBatches over the readers', async () => {
    // Prepare
    const sample = fc.sample(acceptedRecordLine, { numRuns: 500, seed: 7 });
    const bytes = encoder.encode(`${sample.join('\n')}\n`);
    const chunks = [bytes.slice(0, 1000), bytes.slice(1000)];
    // Act
    const output = await analyzeNdjson(iterate(chunks), { windowSeconds: WINDOW_SECONDS });
    // Assess
    expect(output).toEqual((await referenceRun(chunks, {})).output);
    expect(output.events.accepted).toBe(500);
  });
});
