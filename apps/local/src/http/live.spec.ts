import { type Socket } from 'node:net';
import { API_PATHS, LIVE_CLOSE_CODES, type LiveEventMessage, liveServerMessageSchema, SESSION_COOKIE } from '@trailpulse/api-contract';
import { WebSocket } from 'ws';
import { API_TOKEN, startTestServer, type TestServer } from './testing/test-server';

const windowMessage = (totalCalls: number, padding = 0): LiveEventMessage => ({
  type: 'window',
  windowSeconds: 60,
  window: {
    start: '2024-01-01T00:00:00.000Z',
    end: '2024-01-01T00:01:00.000Z',
    metrics: {
      totalCalls,
      callsByService: padding === 0 ? { 'ec2.amazonaws.com': totalCalls } : { ['x'.repeat(padding)]: totalCalls },
      callsByCategory: { create: 0, modify: 0, delete: 0, read: totalCalls, other: 0 },
      topApiCalls: [],
      topUsers: [],
      topIps: [],
      maxCallsByIp: { key: '', count: 0 },
      ec2SuccessfulCalls: 0,
      anomalyScore: 0,
    },
  },
});
const anomaly: LiveEventMessage = { type: 'anomaly', windowSeconds: 60, start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T00:01:00.000Z', metric: 'totalCalls', value: 5000, score: 9.2 };

/** A client that records every message and how it closed. */
class LiveClient {
  readonly socket: WebSocket;
  readonly messages: unknown[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url.replace(/^http/, 'ws') + API_PATHS.live, { headers });
    this.socket.on('message', (data: Buffer) => {
      this.messages.push(liveServerMessageSchema.parse(JSON.parse(data.toString('utf8'))));
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    this.socket.on('error', () => undefined);
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade answered ${response.statusCode}`)));
    });
  }

  /** Resolves once `count` messages have arrived. */
  async received(count: number): Promise<unknown[]> {
    while (this.messages.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.messages.slice(0, count);
  }

  get tcp(): Socket {
    return (this.socket as unknown as { _socket: Socket })._socket;
  }
}

const HELLO = { type: 'hello', protocol: 1 };
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
const clients: LiveClient[] = [];
const connect = (headers: Record<string, string> = {}): LiveClient => {
  const client = new LiveClient(server.url, headers);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  server = await startTestServer({ limits: { live: { authTimeoutMs: 200, heartbeatMs: 60_000, maxBufferedBytes: 64 * 1024, maxClients: 4 } } });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.terminate();
  await server.close();
});

describe('WebSocket /api/v1/live', () => {
  it('authenticates by the Authorization header and pushes windows and anomalies as they come (< 1 s)', async () => {
    // Prepare
    const client = connect({ Authorization: `Bearer ${API_TOKEN}` });
    await client.received(1);

    // Act
    const sentAt = Date.now();
    server.backend.publish(windowMessage(3));
    server.backend.publish(anomaly);
    const messages = await client.received(3);

    // Assess
    expect(messages).toEqual([HELLO, windowMessage(3), anomaly]);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    expect(server.api.liveClients()).toBe(1);
  });

  it('authenticates by a first auth message', async () => {
    const client = connect();
    await client.opened();

    client.socket.send(JSON.stringify({ type: 'auth', token: API_TOKEN }));
    await client.received(1);
    server.backend.publish(windowMessage(7));

    expect(await client.received(2)).toEqual([HELLO, windowMessage(7)]);
  });

  it('authenticates by a same-origin session cookie', async () => {
    const session = server.auth.login(API_TOKEN) ?? '';

    const client = connect({ Cookie: `${SESSION_COOKIE}=${session}`, Origin: server.url });

    expect(await client.received(1)).toEqual([HELLO]);
  });

  it.each([
    ['a wrong Authorization header', { Authorization: 'Bearer not-the-token-at-all' }, undefined],
    ['a wrong token in the first message', {}, JSON.stringify({ type: 'auth', token: 'not-the-token-at-all' })],
    ['a first message that is not auth', {}, JSON.stringify({ type: 'subscribe' })],
    ['a first message that is not JSON', {}, 'hello?'],
  ])('closes with 4401 on %s', async (_, headers, firstMessage) => {
    const client = connect(headers);
    await client.opened();

    if (firstMessage !== undefined) client.socket.send(firstMessage);

    expect((await client.closed).code).toBe(LIVE_CLOSE_CODES.unauthorized);
    expect(client.messages).toEqual([]);
  });

  it('closes with 4401 when no auth message comes in time, and sends nothing before', async () => {
    // Prepare: a cookie from another origin does not count.
    const session = server.auth.login(API_TOKEN) ?? '';
    const client = connect({ Cookie: `${SESSION_COOKIE}=${session}`, Origin: 'http://evil.example' });
    await client.opened();

    // Act
    server.backend.publish(windowMessage(1));
    const { code } = await client.closed;

    // Assess
    expect(code).toBe(LIVE_CLOSE_CODES.unauthorized);
    expect(client.messages).toEqual([]);
  });

  it('closes a client that stops reading (4429) and keeps serving the others', async () => {
    // Prepare
    const slow = connect({ Authorization: `Bearer ${API_TOKEN}` });
    const fast = connect({ Authorization: `Bearer ${API_TOKEN}` });
    await Promise.all([slow.received(1), fast.received(1)]);
    slow.tcp.pause();

    // Act: up to 2,000 messages of ~20 KB (40 MB), far more than the socket buffers hold.
    for (let index = 0; index < 2_000 && server.api.liveClients() === 2; index++) {
      server.backend.publish(windowMessage(index, 20_000));
      await delay(1);
    }
    const fastMessages = fast.messages.length;

    // Assess
    expect(server.api.liveClients()).toBe(1);
    server.backend.publish(windowMessage(999));
    await fast.received(fastMessages + 1);
    slow.tcp.resume();
    // 4429 when the close frame got through the full buffers, 1006 when the socket was dropped first.
    expect([LIVE_CLOSE_CODES.tooSlow, 1006]).toContain((await slow.closed).code);
  });

  it('drops a client that does not answer pings', async () => {
    const quick = await startTestServer({ limits: { live: { heartbeatMs: 50 } } });
    const client = new LiveClient(quick.url, { Authorization: `Bearer ${API_TOKEN}` });
    await client.received(1);

    client.tcp.pause();
    await delay(300);
    const remaining = quick.api.liveClients();
    client.socket.terminate();
    await quick.close();

    expect(remaining).toBe(0);
  });

  it('refuses upgrades on other paths', async () => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/v1/metrics`, { headers: { Authorization: `Bearer ${API_TOKEN}` } });

    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.on('error', () => resolve(undefined));
    });

    expect(status).toBe(404);
  });

  it('stops listening to the backend when closed', async () => {
    const other = await startTestServer();
    expect(other.backend.subscribers).toBe(1);

    await other.close();

    expect(other.backend.subscribers).toBe(0);
  });
});
