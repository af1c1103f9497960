/**
 * Issue #6: "401s; 413; bad bodies" against the real runtime (the HTTP layer's own specs cover
 * every case over a fake backend; these prove the assembled runtime keeps them).
 */
import { gzipSync } from 'node:zlib';
import { API_ROUTES, DEFAULT_MAX_BODY_BYTES, INGEST_CONTENT_TYPES, LIVE_CLOSE_CODES } from '@trailpulse/api-contract';
import WebSocket from 'ws';
import { bearer, call } from './support/api-client';
import { TempDirs } from './support/temp-dirs';
import { startTestRuntime, type TestRuntime, waitFor } from './support/test-runtime';

const temp = new TempDirs();
let subject: TestRuntime;
beforeAll(async () => {
  subject = await startTestRuntime(temp);
});
afterAll(async () => {
  await subject.runtime.close();
  temp.removeAll();
});

const eventsPath = API_ROUTES.find((route) => route.name === 'ingestEvents')?.path ?? '';
const good = { eventTime: '2024-02-01T00:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', eventType: 'AwsApiCall' };

describe('the real runtime refuses what it must', () => {
  const guarded = API_ROUTES.filter((route) => route.auth);

  it.each(guarded.map((route) => [route.method, route.path] as const))('%s %s: 401 without a token and with a wrong one', async (method, routePath) => {
    // Prepare
    const target = routePath.replace(':id', 'some-metric');
    const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(good);
    const headers = { 'Content-Type': 'application/json' };
    // Act
    const without = await call(subject.runtime.url, target, { method, headers, ...(body === undefined ? {} : { body }) });
    const wrong = await call(subject.runtime.url, target, { method, headers: { ...headers, ...bearer('not-the-token-of-this-runtime') }, ...(body === undefined ? {} : { body }) });
    // Assess
    expect([without.status, wrong.status]).toEqual([401, 401]);
    expect(JSON.parse(without.text)).toMatchObject({ error: 'unauthorized' });
  });

  it('closes a WebSocket whose first message carries a wrong token with 4401', async () => {
    // Prepare
    const socket = new WebSocket(`${subject.runtime.url.replace(/^http/, 'ws')}/api/v1/live`);
    // Act
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'auth', token: 'not-the-token-of-this-runtime' })));
    // Assess
    expect(await closed).toBe(LIVE_CLOSE_CODES.unauthorized);
  });

  it('413 for a body over 10 MB, raw or after gunzip (a gzip bomb stops at the limit)', async () => {
    // Prepare
    const line = `${JSON.stringify(good)}\n`;
    const oversized = line.repeat(Math.ceil((DEFAULT_MAX_BODY_BYTES + 1) / line.length));
    const headers = { ...bearer(subject.runtime.token), 'Content-Type': INGEST_CONTENT_TYPES.ndjson };
    // Act
    const raw = await call(subject.runtime.url, eventsPath, { method: 'POST', headers, body: oversized });
    const bomb = await call(subject.runtime.url, eventsPath, { method: 'POST', headers: { ...headers, 'Content-Encoding': 'gzip' }, body: gzipSync(oversized) });
    // Assess
    expect([raw.status, bomb.status]).toEqual([413, 413]);
    expect(JSON.parse(bomb.text)).toMatchObject({ error: 'payload-too-large' });
    expect(subject.runtime.stats.accepted).toBe(0);
  });

  it('415 for a body that is neither JSON nor NDJSON', async () => {
    // Act
    const answer = await call(subject.runtime.url, eventsPath, { method: 'POST', headers: { ...bearer(subject.runtime.token), 'Content-Type': 'text/csv' }, body: 'a,b\n1,2\n' });
    // Assess
    expect(answer.status).toBe(415);
  });

  it('bad records are counted by reason in a 202 and never lose the good ones around them', async () => {
    // Prepare
    const body = [JSON.stringify(good), '{"eventTime": oops', '42', JSON.stringify({ ...good, eventTime: undefined }), JSON.stringify({ ...good, eventName: '' }), JSON.stringify({ ...good, eventTime: '2024-02-01T00:00:05Z' })].join('\n');
    const before = subject.runtime.stats.settled;
    // Act
    const answer = await call(subject.runtime.url, eventsPath, { method: 'POST', headers: { ...bearer(subject.runtime.token), 'Content-Type': INGEST_CONTENT_TYPES.ndjson }, body });
    const truncated = await call(subject.runtime.url, eventsPath, { method: 'POST', headers: { ...bearer(subject.runtime.token), 'Content-Type': INGEST_CONTENT_TYPES.json }, body: '{"Records": [' });
    // Assess
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.text)).toEqual({
      accepted: 2,
      rejected: 4,
      rejectReasons: { 'invalid-json': 1, 'not-an-object': 1, 'missing-eventTime': 1, 'missing-eventName': 1 },
    });
    expect(truncated.status).toBe(202);
    expect(JSON.parse(truncated.text)).toMatchObject({ accepted: 0, rejected: 1 });
    await waitFor('the two good records merged', () => subject.runtime.stats.settled === before + 2);
    const { windows } = await subject.api.metrics(60, {}, { fromMs: Date.parse('2024-02-01T00:00:00Z'), toMs: Date.parse('2024-02-01T00:01:00Z') });
    expect(windows.map((window) => window.metrics.totalCalls)).toEqual([2]);
  });
});
