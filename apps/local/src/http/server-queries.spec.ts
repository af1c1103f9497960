import { API_PATHS, customMetricPath, errorBodySchema, eventsResponseSchema, metricsResponseSchema } from '@trailpulse/api-contract';
import { type Logger } from './runtime-types';
import { bearer, send } from './testing/http-client';
import { API_TOKEN, startTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
const logged: string[] = [];
const logger: Logger = { info: () => undefined, warn: () => undefined, error: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`) };

beforeEach(async () => {
  logged.length = 0;
  server = await startTestServer({ logger, limits: { rateLimit: { burst: 3, perSecond: 0.5 } } });
});
afterEach(() => server.close());

const get = (path: string) => send(`${server.url}${path}`, { headers: bearer(API_TOKEN) });
const put = (path: string, body: unknown) =>
  send(`${server.url}${path}`, { method: 'PUT', headers: { ...bearer(API_TOKEN), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('GET /api/v1/metrics', () => {
  it('hands the parsed query to the backend', async () => {
    const response = await get(`${API_PATHS.metrics}?from=2024-01-01T00:00:00Z&to=1704070800000&window=10&region=eu-west-1`);

    expect(response.status).toBe(200);
    expect(metricsResponseSchema.parse(response.json())).toEqual({ windowSeconds: 10, windows: [] });
    expect(server.backend.metricsQueries).toEqual([{ fromMs: Date.UTC(2024, 0, 1), toMs: 1704070800000, windowSeconds: 10, filters: { region: 'eu-west-1' } }]);
  });

  it.each([
    ['from=tomorrow&to=1', 'from', /^from: "tomorrow" is neither an ISO-8601 UTC time/],
    ['from=0&to=60000&window=300', 'window', /window must be one of 10, 60/],
    ['from=0&to=60000&acount=1', 'acount', /unknown parameter "acount"/],
  ])('answers 400 naming the parameter to %s', async (query, parameter, message) => {
    const response = await get(`${API_PATHS.metrics}?${query}`);

    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(response.json());
    expect(body.message).toMatch(message);
    expect(body.problems?.map((problem) => problem.path)).toEqual([parameter]);
    expect(server.backend.metricsQueries).toHaveLength(0);
  });
});

describe('custom metrics', () => {
  it('creates (201), replaces (200) and lists definitions', async () => {
    // Act
    const created = await put(customMetricPath('root-activity'), { title: 'Root', filter: { field: 'userIdentity.type', equals: 'Root' }, measure: 'count' });
    const replaced = await put(customMetricPath('root-activity'), { title: 'Root activity', measure: 'count' });
    const list = await get(API_PATHS.customMetrics);

    // Assess
    expect([created.status, replaced.status, list.status]).toEqual([201, 200, 200]);
    expect(created.json()).toMatchObject({ created: true, metric: { id: 'root-activity', measure: { count: true } } });
    expect(list.json()).toEqual({ metrics: [{ id: 'root-activity', title: 'Root activity', measure: { count: true }, apiCallsOnly: true, anomaly: false }] });
  });

  it('answers 400 with located problems to an invalid definition', async () => {
    const response = await put(customMetricPath('root-activity'), { title: 'Root', measure: { topK: { by: 'sourceIPAddress', k: 0 } } });

    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(response.json());
    expect(body.problems?.[0]?.path).toBe('measure.topK.k');
    expect(server.backend.custom.size).toBe(0);
  });

  it('answers 400 when the backend cannot serve the definition', async () => {
    const response = await put(customMetricPath('slow'), { title: 'Slow', measure: 'count', window: '5m' });

    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: 'bad-request', message: 'window 300 s is not computed here; use 10 or 60', problems: [{ path: 'window', message: 'use 10 or 60' }] });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await send(`${server.url}${customMetricPath('x')}`, { method: 'PUT', headers: { ...bearer(API_TOKEN), 'Content-Type': 'application/json' }, body: '{' });

    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: 'bad-request', message: expect.stringMatching(/^the body is not valid JSON/) });
  });
});

describe('GET /api/v1/events', () => {
  it('returns the most recent matching records, bounded by limit', async () => {
    // Prepare
    const lines = [1, 2, 3].map((second) => JSON.stringify({ eventTime: `2024-01-01T00:00:0${second}Z`, eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' }));
    await send(`${server.url}${API_PATHS.events}`, { method: 'POST', headers: { ...bearer(API_TOKEN), 'Content-Type': 'application/x-ndjson' }, body: lines.join('\n') });

    // Act
    const response = await get(`${API_PATHS.events}?limit=2&eventName=RunInstances`);

    // Assess
    const body = eventsResponseSchema.parse(response.json());
    expect(body.events.map((event) => event.eventTime)).toEqual(['2024-01-01T00:00:03Z', '2024-01-01T00:00:02Z']);
    expect(body.truncated).toBe(true);
  });

  it('answers 400 to a limit out of bounds', async () => {
    const response = await get(`${API_PATHS.events}?limit=100000`);

    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ message: 'limit must be from 1 to 1000' });
  });
});

describe('errors', () => {
  it('answers 404 to an unknown API path and 405 with Allow to a wrong method', async () => {
    const missing = await get('/api/v1/nothing');
    const wrongMethod = await send(`${server.url}${API_PATHS.metrics}`, { method: 'DELETE', headers: bearer(API_TOKEN) });

    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(missing.json()).error).toBe('not-found');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });

  it('answers an internal failure with a bare 500 and logs the details', async () => {
    server.backend.failQueriesWith = new Error('disk on fire at /var/lib/trailpulse/store.db');

    const response = await get(`${API_PATHS.metrics}?from=0&to=60000`);

    expect(response.status).toBe(500);
    expect(response.json()).toEqual({ error: 'internal-error', message: 'the request could not be completed; the runtime log has the details' });
    expect(response.text).not.toMatch(/disk on fire|\/var\/lib|at .*\.ts/);
    expect(logged.join('\n')).toContain('disk on fire');
  });

  it('rate limits per token with 429 and Retry-After, and lets the token through once refilled', async () => {
    // Act: a burst of 3, refilled at 0.5 per second.
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await get(API_PATHS.customMetrics)).status);
    const limited = await get(API_PATHS.customMetrics);
    server.clock.advance(2_000);
    const afterWait = await get(API_PATHS.customMetrics);

    // Assess
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited.headers['retry-after']).toBe('2');
    expect(errorBodySchema.parse(limited.json())).toEqual({ error: 'rate-limited', message: 'too many requests: retry in 2 s' });
    expect(afterWait.status).toBe(200);
  });

  it('keeps one bucket per token: a session is not slowed by the API token', async () => {
    for (let index = 0; index < 4; index++) await get(API_PATHS.customMetrics);
    const session = server.auth.login(API_TOKEN) ?? '';

    const response = await send(`${server.url}${API_PATHS.customMetrics}`, { headers: { Cookie: `trailpulse_session=${session}` } });

    expect(response.status).toBe(200);
  });
});
