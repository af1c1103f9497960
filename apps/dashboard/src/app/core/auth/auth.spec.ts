import { webcrypto } from 'node:crypto';
import { type AuthEnvironment } from './auth-port';
import { CognitoPkceAuth } from './cognito-pkce-auth';
import { LocalTokenAuth } from './local-token-auth';
import { codeChallengeS256 } from './pkce';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** jsdom has no fetch Response: the two members the implementations read. */
function reply(status: number, body: unknown = {}): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

function environment(startUrl: string, respond: (call: Call) => Response) {
  let url = startUrl;
  const calls: Call[] = [];
  const redirects: string[] = [];
  const storage = new Map<string, string>();
  const env: AuthEnvironment = {
    fetch: async (input, init) => {
      const call = { url: String(input), init };
      calls.push(call);
      return respond(call);
    },
    currentUrl: () => url,
    replaceUrl: (next) => {
      url = next;
    },
    redirect: (next) => void redirects.push(next),
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value), removeItem: (key) => void storage.delete(key) },
    randomBytes: (length) => webcrypto.getRandomValues(new Uint8Array(length)),
    sha256: (data) => webcrypto.subtle.digest('SHA-256', data),
    now: () => Date.parse('2024-01-01T00:00:00Z'),
  };
  return { env, calls, redirects, url: () => url };
}

describe('PKCE', () => {
  test('S256 challenge of the RFC 7636 appendix B verifier', async () => {
    const challenge = await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', (data) => webcrypto.subtle.digest('SHA-256', data));
    expect(challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('LocalTokenAuth', () => {
  test('trades the one-time token of the start URL for a session and removes it from the URL first', async () => {
    const { env, calls, url } = environment('http://127.0.0.1:4300/overview?range=15m&token=abc123', () => reply(204));
    const state = await new LocalTokenAuth(env, '').start();
    expect(state).toEqual({ status: 'signed-in' });
    expect(url()).toBe('http://127.0.0.1:4300/overview?range=15m');
    expect(calls.map((call) => [call.url, call.init?.method, call.init?.body])).toEqual([['/api/v1/session', 'POST', '{"token":"abc123"}']]);
  });

  test('a used link says what to do', async () => {
    const { env } = environment('http://127.0.0.1:4300/?token=used', () => reply(401));
    const state = await new LocalTokenAuth(env, '').start();
    expect(state.status).toBe('signed-out');
    expect(state.message).toContain('npm start');
  });

  test('a host without the session route gets the token as an in-memory bearer', async () => {
    const { env } = environment('http://127.0.0.1:4300/?token=t0k', () => reply(404));
    const auth = new LocalTokenAuth(env, '');
    await auth.start();
    expect(auth.accessToken()).toBe('t0k');
  });
});

describe('CognitoPkceAuth', () => {
  const config = { mode: 'cognito' as const, domain: 'https://tp.auth.eu-west-1.amazoncognito.com', clientId: 'client-1', scopes: ['openid', 'email'] };

  test('signs in with the authorization code flow and PKCE, then redeems the code with the verifier', async () => {
    const first = environment('https://dash.example/anomalies?range=24h', () => reply(200));
    await new CognitoPkceAuth(first.env, config).signIn();
    const authorize = new URL(first.redirects[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe('https://tp.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe('https://dash.example/');

    // The Hosted UI sends the browser back with code and state; the same tab's storage holds the verifier.
    const back = environment(`https://dash.example/?code=the-code&state=${authorize.searchParams.get('state')}`, () =>
      reply(200, { access_token: 'access-1', expires_in: 3600, token_type: 'Bearer' }),
    );
    for (const key of ['trailpulse.oauth.pending']) back.env.storage.setItem(key, first.env.storage.getItem(key) ?? '');
    const auth = new CognitoPkceAuth(back.env, config);
    expect(await auth.start()).toEqual({ status: 'signed-in' });
    expect(auth.accessToken()).toBe('access-1');
    expect(back.url()).toBe('https://dash.example/anomalies?range=24h');
    const body = new URLSearchParams(String(back.calls[0]?.init?.body));
    expect(back.calls[0]?.url).toBe('https://tp.auth.eu-west-1.amazoncognito.com/oauth2/token');
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(await codeChallengeS256(body.get('code_verifier') ?? '', (data) => webcrypto.subtle.digest('SHA-256', data))).toBe(authorize.searchParams.get('code_challenge'));
  });

  test('refuses a response whose state this tab did not create', async () => {
    const { env, calls } = environment('https://dash.example/?code=c&state=forged', () => reply(200, { access_token: 'x' }));
    const state = await new CognitoPkceAuth(env, config).start();
    expect(state.status).toBe('signed-out');
    expect(state.message).toContain('state mismatch');
    expect(calls).toEqual([]);
  });
});
