import { API_PATHS, API_ROUTES, customMetricPath, errorBodySchema, SESSION_COOKIE } from '@trailpulse/api-contract';
import { bearer, send } from './testing/http-client';
import { API_TOKEN, startTestServer, type TestServer } from './testing/test-server';

/** A concrete URL path for a route of the table (`:id` filled in). */
const concretePath = (path: string): string => (path === API_PATHS.customMetric ? customMetricPath('some-metric') : path);

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

/** The session id of a Set-Cookie header. */
function sessionFrom(setCookie: string[] | undefined): string {
  const cookie = setCookie?.find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  const id = cookie?.slice(SESSION_COOKIE.length + 1).split(';')[0];
  if (id === undefined || id === '') throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return id;
}

describe('authentication', () => {
  it('answers health without a token', async () => {
    const response = await send(`${server.url}${API_PATHS.health}`);

    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it.each(API_ROUTES.filter((route) => route.name !== 'health').map((route) => [route.method, route.path]))(
    'answers 401 with a JSON error to %s %s without a valid token',
    async (method, path) => {
      // Prepare: the login exchange is tried with a wrong token, the others with none or a wrong one.
      const url = `${server.url}${concretePath(path)}`;
      const body = method === 'POST' || method === 'PUT' ? '{"token":"wrong-token-wrong-token"}' : undefined;
      const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };

      // Act
      const withoutToken = await send(url, { method, headers, ...(body === undefined ? {} : { body }) });
      const withWrongToken = await send(url, { method, headers: { ...headers, ...bearer('wrong-token-wrong-token') }, ...(body === undefined ? {} : { body }) });

      // Assess
      for (const response of [withoutToken, withWrongToken]) {
        expect(response.status).toBe(401);
        expect(errorBodySchema.parse(response.json()).error).toBe('unauthorized');
      }
    },
  );

  it('accepts the API token as a bearer and only as a bearer', async () => {
    const url = `${server.url}${API_PATHS.customMetrics}`;

    expect((await send(url, { headers: bearer(API_TOKEN) })).status).toBe(200);
    expect((await send(url, { headers: { Authorization: `Basic ${API_TOKEN}` } })).status).toBe(401);
    expect((await send(url, { headers: bearer(`${API_TOKEN}x`) })).status).toBe(401);
  });

  it('trades the one-time login link for a session cookie and drops the token from the URL', async () => {
    // Prepare
    const loginUrl = server.api.loginUrl();
    const { pathname, search } = new URL(loginUrl);

    // Act
    const login = await send(`${server.url}${pathname}${search}&view=live`);
    const session = sessionFrom(login.headers['set-cookie']);
    const withCookie = await send(`${server.url}${API_PATHS.customMetrics}`, { headers: { Cookie: `${SESSION_COOKIE}=${session}` } });
    const again = await send(loginUrl);

    // Assess
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/?view=live');
    expect(login.headers['set-cookie']?.[0]).toMatch(/; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    expect(login.headers['referrer-policy']).toBe('no-referrer');
    expect(withCookie.status).toBe(200);
    expect(again.status).toBe(401);
    expect(again.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/already used or is not valid/) });
  });

  it('does not take the API token in the URL', async () => {
    const response = await send(`${server.url}/?token=${API_TOKEN}`);

    expect(response.status).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('trades the API token for a session by POST, and ends it on logout', async () => {
    // Prepare
    const origin = { Origin: server.url };

    // Act
    const login = await send(`${server.url}${API_PATHS.session}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: API_TOKEN }),
    });
    const cookie = { Cookie: `${SESSION_COOKIE}=${sessionFrom(login.headers['set-cookie'])}` };
    const before = await send(`${server.url}${API_PATHS.customMetrics}`, { headers: cookie });
    const logout = await send(`${server.url}${API_PATHS.session}`, { method: 'DELETE', headers: { ...cookie, ...origin } });
    const after = await send(`${server.url}${API_PATHS.customMetrics}`, { headers: cookie });

    // Assess
    expect([login.status, before.status, logout.status, after.status]).toEqual([204, 200, 204, 401]);
  });

  it('ignores the session cookie on cross-origin requests and refuses cookie writes without Origin', async () => {
    // Prepare
    const session = server.auth.login(API_TOKEN) ?? '';
    const cookie = { Cookie: `${SESSION_COOKIE}=${session}`, 'Content-Type': 'application/json' };
    const url = customMetricPath('root-activity');
    const body = JSON.stringify({ title: 'Root', measure: 'count' });

    // Act
    const crossSite = await send(`${server.url}${url}`, { method: 'PUT', headers: { ...cookie, Origin: 'http://evil.example' }, body });
    const noOrigin = await send(`${server.url}${url}`, { method: 'PUT', headers: cookie, body });
    const sameOrigin = await send(`${server.url}${url}`, { method: 'PUT', headers: { ...cookie, Origin: server.url }, body });

    // Assess
    expect(crossSite.status).toBe(401);
    expect(noOrigin.status).toBe(403);
    expect(sameOrigin.status).toBe(201);
  });

  it('expires sessions', async () => {
    const cookie = { Cookie: `${SESSION_COOKIE}=${server.auth.login(API_TOKEN) ?? ''}` };

    server.clock.advance(server.auth.sessionTtlSeconds * 1000);

    expect((await send(`${server.url}${API_PATHS.customMetrics}`, { headers: cookie })).status).toBe(401);
  });

  it('rate limits login attempts per client address', async () => {
    const limited = await startTestServer({ limits: { loginRateLimit: { burst: 2, perSecond: 0.01 } } });
    const attempt = () => send(`${limited.url}/?token=guess-guess-guess-guess`);

    const statuses = [(await attempt()).status, (await attempt()).status];
    const third = await attempt();
    const valid = await send(limited.api.loginUrl());
    await limited.close();

    expect(statuses).toEqual([401, 401]);
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(valid.status).toBe(429);
  });
});
