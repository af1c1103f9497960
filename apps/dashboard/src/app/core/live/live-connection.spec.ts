import { type LiveEventMessage } from '@trailpulse/api-contract';
import { makeWindow } from '../../testing/windows';
import { FakeScheduler } from '../../testing/fake-scheduler';
import { type ConnectionState } from '../metrics/connection-state';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { LiveConnection } from './live-connection';
import { type WebSocketLike } from './websocket-like';

class FakeSocket implements WebSocketLike {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: string[] = [];
  closedByClient = false;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.closedByClient = true;
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  receive(data: unknown): void {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) } as MessageEvent);
  }
  drop(code = 1006, reason = ''): void {
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

function setup(options: { token?: string | null; random?: () => number } = {}) {
  const scheduler = new FakeScheduler();
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const messages: LiveEventMessage[] = [];
  let unauthorized = 0;
  const connection = new LiveConnection({
    url: () => 'ws://127.0.0.1:1/api/v1/live',
    token: () => (options.token === undefined ? 'secret' : options.token),
    socketFactory: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    scheduler,
    onMessage: (message) => messages.push(message),
    onState: (state) => states.push(state),
    onUnauthorized: () => unauthorized++,
    random: options.random ?? (() => 1),
  });
  const last = () => sockets[sockets.length - 1] as FakeSocket;
  return { scheduler, sockets, states, messages, connection, last, unauthorized: () => unauthorized };
}

describe('backoffDelay', () => {
  test('doubles from 1 s up to the 30 s cap, with the jittered half between half and all of it', () => {
    const noJitterTop = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 1));
    expect(noJitterTop).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(4000);
  });
});

describe('LiveConnection', () => {
  test('authenticates with a first message and is open once the server says hello', () => {
    const { connection, last, states } = setup();
    connection.start();
    last().open();
    expect(JSON.parse(last().sent[0] ?? '')).toEqual({ type: 'auth', token: 'secret' });
    expect(states.at(-1)).toEqual({ status: 'connecting', attempt: 0 });
    last().receive({ type: 'hello', protocol: 1 });
    expect(states.at(-1)).toEqual({ status: 'open' });
  });

  test('sends no auth message when the session cookie authenticates', () => {
    const { connection, last } = setup({ token: null });
    connection.start();
    last().open();
    expect(last().sent).toEqual([]);
  });

  test('reconnects with exponential backoff in (fake) time, and resets the backoff after a hello', () => {
    const { connection, scheduler, sockets, last, states } = setup();
    connection.start();
    const waits: number[] = [];
    for (let drop = 0; drop < 6; drop++) {
      last().drop();
      const state = states.at(-1);
      if (state?.status !== 'reconnecting') throw new Error(`expected reconnecting, got ${state?.status}`);
      const wait = state.retryAtMs - scheduler.now();
      waits.push(wait);
      scheduler.advance(wait - 1);
      expect(sockets).toHaveLength(drop + 1);
      scheduler.advance(1);
      expect(sockets).toHaveLength(drop + 2);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
    last().receive({ type: 'hello', protocol: 1 });
    last().drop();
    const state = states.at(-1);
    expect(state?.status === 'reconnecting' && state.retryAtMs - scheduler.now()).toBe(1000);
  });

  test('passes window messages on, and skips messages that break the contract without closing', () => {
    const { connection, last, messages } = setup();
    connection.start();
    last().receive({ type: 'hello', protocol: 1 });
    last().receive('not json');
    last().receive({ type: 'window', windowSeconds: 60 });
    const window = makeWindow('2024-01-01T00:00:00Z', 60, { totalCalls: 3 });
    last().receive({ type: 'window', windowSeconds: 60, window });
    expect(messages).toEqual([{ type: 'window', windowSeconds: 60, window }]);
    expect(connection.ignoredMessages).toBe(2);
  });

  test('stops retrying when the server refuses the credentials (4401)', () => {
    const { connection, scheduler, sockets, last, states, unauthorized } = setup();
    connection.start();
    last().drop(4401, 'unauthorized');
    scheduler.advance(60_000);
    expect(sockets).toHaveLength(1);
    expect(states.at(-1)?.status).toBe('stopped');
    expect(unauthorized()).toBe(1);
  });

  test('stop closes the socket and cancels a pending retry', () => {
    const { connection, scheduler, sockets, last } = setup();
    connection.start();
    last().drop();
    connection.stop();
    scheduler.advance(60_000);
    expect(sockets).toHaveLength(1);
  });
});
