import { type LiveServerMessage } from '@trailpulse/api-contract';
import WebSocket from 'ws';
import { bearer } from './api-client';

export interface ReceivedMessage {
  readonly message: LiveServerMessage;
  /** performance.now() when it arrived. */
  readonly atMs: number;
}

/** A WebSocket client of /api/v1/live authenticated by header, keeping every message with its arrival time. */
export class LiveClient {
  readonly received: ReceivedMessage[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.received.push({ message: JSON.parse(data.toString('utf8')) as LiveServerMessage, atMs: performance.now() });
      for (const wake of this.waiters) wake();
    });
  }

  /** Connects and waits for the server's `hello`. */
  static async connect(baseUrl: string, token: string): Promise<LiveClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/live`, { headers: bearer(token) });
    const client = new LiveClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await client.next((message) => message.type === 'hello', 10_000);
    return client;
  }

  /** The first message (already received or still to come) that matches; throws after `timeoutMs`. */
  next(matches: (message: LiveServerMessage) => boolean, timeoutMs: number): Promise<ReceivedMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.find((received) => matches(received.message));
        if (found === undefined) return false;
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`no matching live message within ${timeoutMs} ms; received: ${this.received.map((r) => r.message.type).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(wake);
      check();
    });
  }

  close(): void {
    this.socket.close();
  }
}
