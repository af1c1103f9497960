import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { API_PATHS, errorBodySchema, ingestResultSchema } from '@trailpulse/api-contract';
import { bearer, send, type TestResponse } from './testing/http-client';
import { API_TOKEN, startTestServer, type TestServer } from './testing/test-server';

const LIMIT = 64 * 1024;
const record = (second: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventTime: `2024-01-01T00:00:${String(second).padStart(2, '0')}Z`,
  eventSource: 'ec2.amazonaws.com',
  eventName: 'RunInstances',
  ...extra,
});

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ limits: { maxBodyBytes: LIMIT } });
});
afterEach(() => server.close());

function ingest(body: string | Uint8Array, headers: Record<string, string>): Promise<TestResponse> {
  return send(`${server.url}${API_PATHS.events}`, { method: 'POST', headers: { ...bearer(API_TOKEN), ...headers }, body });
}

const NDJSON = { 'Content-Type': 'application/x-ndjson' };
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };

/** A client that keeps sending NDJSON (up to 100x the limit) until it gets an answer. */
function postEndlessBody(headers: Record<string, string>): Promise<{ status: number; sentBytes: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = httpRequest(`${server.url}${API_PATHS.events}`, { method: 'POST', headers: { ...headers, ...NDJSON } }, (response) => {
      answered = true;
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, sentBytes, connection: response.headers.connection }));
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const lines = Buffer.from(`${JSON.stringify(record(1))}\n`.repeat(100));
    const pump = (): void => {
      while (!answered && sentBytes < 100 * LIMIT) {
        sentBytes += lines.byteLength;
        if (!request.write(lines)) {
          request.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

describe('POST /api/v1/events', () => {
  it('counts bad NDJSON lines by reason and ingests the good ones around them (202)', async () => {
    // Prepare
    const lines = [JSON.stringify(record(1)), '{not json', JSON.stringify({ eventSource: 'x', eventName: 'y' }), '42', JSON.stringify(record(2))];

    // Act
    const response = await ingest(lines.join('\n'), NDJSON);

    // Assess
    expect(response.status).toBe(202);
    expect(ingestResultSchema.parse(response.json())).toEqual({
      accepted: 2,
      rejected: 3,
      rejectReasons: { 'invalid-json': 1, 'missing-eventTime': 1, 'not-an-object': 1 },
    });
    expect(server.backend.ingested.map(({ record: r }) => r.eventTime)).toEqual(['2024-01-01T00:00:01Z', '2024-01-01T00:00:02Z']);
  });

  it.each([
    ['one record', record(1)],
    ['an array', [record(1), record(2)]],
    ['a CloudTrail Records file', { Records: [record(1), record(2), record(3, { eventTime: 'soon' })] }],
    [
      'EventBridge envelopes',
      [
        { 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.ec2', detail: record(1) },
        { 'detail-type': 'AWS Console Sign In via CloudTrail', source: 'aws.signin', detail: record(2, { eventName: 'ConsoleLogin' }) },
      ],
    ],
  ])('reads %s as JSON', async (_, document) => {
    const expected = JSON.stringify(document).match(/"eventTime":"2024/g)?.length ?? 0;

    const response = await ingest(JSON.stringify(document), JSON_TYPE);

    expect(response.status).toBe(202);
    expect(response.json()).toMatchObject({ accepted: expected });
    expect(server.backend.ingested).toHaveLength(expected);
  });

  it('answers 202 with every record rejected when the JSON body is broken', async () => {
    const response = await ingest('[{"eventTime": "2024-01-01T00:00:00Z", "eventSource": ', JSON_TYPE);

    expect(response.status).toBe(202);
    expect(response.json()).toEqual({ accepted: 0, rejected: 1, rejectReasons: { truncated: 1 } });
  });

  it('decompresses gzip bodies', async () => {
    const body = gzipSync([record(1), record(2)].map((r) => JSON.stringify(r)).join('\n'));

    const response = await ingest(body, { ...NDJSON, 'Content-Encoding': 'gzip' });

    expect(response.status).toBe(202);
    expect(response.json()).toEqual({ accepted: 2, rejected: 0, rejectReasons: {} });
  });

  it('refuses a declared body over the limit with 413 before reading it', async () => {
    // Prepare: the declared length is over the limit, the bytes actually sent are not.
    const response = await ingest('{}', { ...NDJSON, 'Content-Length': String(LIMIT + 1) }).catch((error: unknown) => error);

    // Assess: the answer came without waiting for the LIMIT + 1 bytes that were never sent.
    expect((response as TestResponse).status).toBe(413);
    expect(errorBodySchema.parse((response as TestResponse).json())).toMatchObject({ error: 'payload-too-large', message: expect.stringMatching(/at most 65,536 bytes/) });
  });

  it('answers 413 to an endless chunked body as soon as it passes the limit', async () => {
    const result = await postEndlessBody(bearer(API_TOKEN));

    expect(result.status).toBe(413);
    expect(result.connection).toBe('close');
    expect(result.sentBytes).toBeLessThan(100 * LIMIT);
    expect(server.backend.ingested).toHaveLength(0);
  });

  it('answers 401 to an endless body without reading it', async () => {
    const result = await postEndlessBody({});

    expect(result.status).toBe(401);
    expect(result.connection).toBe('close');
    expect(result.sentBytes).toBeLessThan(100 * LIMIT);
  });

  it('stops a gzip bomb at the decompressed limit', async () => {
    // Prepare: 20 MiB of zeros compress to ~20 KiB; only the decompressed size is over the limit.
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const raw = await startTestServer({ limits: { maxBodyBytes: 2 * bomb.byteLength } });

    // Act
    const response = await send(`${raw.url}${API_PATHS.events}`, {
      method: 'POST',
      headers: { ...bearer(API_TOKEN), ...NDJSON, 'Content-Encoding': 'gzip' },
      body: bomb,
    });
    await raw.close();

    // Assess
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ error: 'payload-too-large', message: expect.stringMatching(/^the decompressed body exceeds the limit/) });
  });

  it('answers 400 to a body that is not gzip although it says so', async () => {
    const response = await ingest(JSON.stringify(record(1)), { ...NDJSON, 'Content-Encoding': 'gzip' });

    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: 'bad-request', message: expect.stringMatching(/not valid gzip/) });
  });

  it.each([
    ['no Content-Type', {}, /a Content-Type is required: application\/x-ndjson or application\/json/],
    ['text/plain', { 'Content-Type': 'text/plain' }, /"text\/plain" is not supported/],
    ['a non-UTF-8 charset', { 'Content-Type': 'application/json; charset=latin1' }, /charset "latin1" is not supported/],
    ['a brotli body', { ...NDJSON, 'Content-Encoding': 'br' }, /Content-Encoding "br" is not supported/],
  ])('answers 415 to %s', async (_, headers, message) => {
    const response = await ingest(JSON.stringify(record(1)), headers);

    expect(response.status).toBe(415);
    expect(response.json()).toMatchObject({ error: 'unsupported-media-type', message: expect.stringMatching(message) });
    expect(server.backend.ingested).toHaveLength(0);
  });
});
