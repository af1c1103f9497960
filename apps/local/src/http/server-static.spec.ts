import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_PATHS } from '@trailpulse/api-contract';
import { CONTENT_SECURITY_POLICY } from './security-headers';
import { bearer, send, type TestResponse } from './testing/http-client';
import { API_TOKEN, startTestServer, type TestServer } from './testing/test-server';

const INDEX_HTML = '<!doctype html><title>dashboard</title><app-root></app-root>';
const SECRET = 'SECRET-OUTSIDE-THE-DASHBOARD';

let base: string;
let server: TestServer;

beforeAll(async () => {
  // Prepare: <base>/dist is the dashboard; <base>/secret.txt must stay out of reach.
  base = await mkdtemp(join(tmpdir(), 'trailpulse-static-'));
  const dist = join(base, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), INDEX_HTML);
  await writeFile(join(dist, 'main-ABCD1234.js'), 'console.log(1)');
  await writeFile(join(dist, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(dist, '.env'), SECRET);
  await writeFile(join(base, 'secret.txt'), SECRET);
  await symlink(join(base, 'secret.txt'), join(dist, 'assets', 'linked.txt'));
  server = await startTestServer({ staticDir: dist });
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

const raw = (path: string): Promise<TestResponse> => send(`${server.url}${path}`);

describe('security headers', () => {
  it.each([
    ['the dashboard', '/'],
    ['an API answer', API_PATHS.health],
    ['an API error', API_PATHS.metrics],
    ['a missing file', '/nothing.js'],
  ])('are on %s', async (_, path) => {
    const response = await raw(path);

    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('static files', () => {
  it('serves index.html at / and the app routes (SPA fallback)', async () => {
    for (const path of ['/', '/windows/2024-01-01T00:00:00.000Z', '/settings']) {
      const response = await raw(path);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toBe(INDEX_HTML);
    }
  });

  it('serves assets with their type, hashed ones cached for good', async () => {
    const script = await raw('/main-ABCD1234.js');
    const logo = await raw('/assets/logo.svg');

    expect([script.status, script.headers['content-type'], script.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect([logo.status, logo.headers['content-type'], logo.text]).toEqual([200, 'image/svg+xml', '<svg/>']);
  });

  it('answers 404, not index.html, to a missing asset', async () => {
    const response = await raw('/missing-XYZ.js');

    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not-found' });
  });

  it('does not fall back to index.html under /api', async () => {
    expect((await send(`${server.url}/api/v1/dashboard`, { headers: bearer(API_TOKEN) })).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/.env', '/assets/linked.txt', '/assets/%00.svg', '/..%5csecret.txt'])(
    'keeps %s inside the dashboard directory',
    async (path) => {
      const response = await raw(path);

      expect(response.text).not.toContain(SECRET);
      expect([400, 404]).toContain(response.status);
    },
  );

  it('refuses to write', async () => {
    const response = await send(`${server.url}/index.html`, { method: 'POST', body: 'x' });

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });
});

describe('without a built dashboard', () => {
  it('explains at / how to build it', async () => {
    const bare = await startTestServer({ staticDir: join(base, 'not-built') });

    const response = await send(`${bare.url}/`);
    await bare.close();

    expect(response.status).toBe(200);
    expect(response.text).toContain('The dashboard has not been built yet');
    expect(response.text).not.toContain(base);
  });
});
