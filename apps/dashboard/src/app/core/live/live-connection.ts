import { LIVE_CLOSE_CODES, liveServerMessageSchema, type LiveEventMessage } from '@trailpulse/api-contract';
import { type ConnectionState } from '../metrics/connection-state';
import { type Scheduler, type TimerHandle } from '../time/scheduler';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { type WebSocketFactory, type WebSocketLike } from './websocket-like';

export interface LiveConnectionOptions {
  readonly url: () => string;
  /** The bearer to send as the first message; null when the session cookie authenticates the upgrade. */
  readonly token: () => string | null;
  readonly socketFactory: WebSocketFactory;
  readonly scheduler: Scheduler;
  readonly onMessage: (message: LiveEventMessage) => void;
  readonly onState: (state: ConnectionState) => void;
  /** The server refused our credentials (close code 4401): retrying cannot help. */
  readonly onUnauthorized?: () => void;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
}

/**
 * The live WebSocket: authenticates, parses every message against the contract (a bad message is
 * counted and skipped, never fatal), and reconnects with exponential backoff until stopped. The
 * connection counts as open once the server's `hello` arrives (authentication done).
 */
export class LiveConnection {
  private socket: WebSocketLike | null = null;
  private retryTimer: TimerHandle | null = null;
  private attempt = 0;
  private stopped = true;
  /** Messages that were not valid JSON or not a known live message. */
  ignoredMessages = 0;

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.open();
  }

  stop(reason = 'disconnected'): void {
    this.stopped = true;
    this.clearRetry();
    this.closeSocket();
    this.options.onState({ status: 'stopped', reason });
  }

  private open(): void {
    this.options.onState({ status: 'connecting', attempt: this.attempt });
    let socket: WebSocketLike;
    try {
      socket = this.options.socketFactory(this.options.url());
    } catch (error) {
      this.scheduleRetry(error instanceof Error ? error.message : 'could not open the WebSocket');
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const token = this.options.token();
      if (token !== null) socket.send(JSON.stringify({ type: 'auth', token }));
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      if (this.stopped) return;
      if (event.code === LIVE_CLOSE_CODES.unauthorized) {
        this.stopped = true;
        this.options.onState({ status: 'stopped', reason: 'the server refused the credentials; sign in again' });
        this.options.onUnauthorized?.();
        return;
      }
      this.scheduleRetry(closeReason(event));
    };
  }

  private receive(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      this.ignoredMessages++;
      return;
    }
    const parsed = liveServerMessageSchema.safeParse(json);
    if (!parsed.success) {
      this.ignoredMessages++;
      return;
    }
    const message = parsed.data;
    if (message.type === 'hello') {
      this.attempt = 0;
      this.options.onState({ status: 'open' });
      return;
    }
    this.options.onMessage(message);
  }

  private scheduleRetry(reason: string): void {
    const delay = backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random ?? Math.random);
    this.attempt++;
    const retryAtMs = this.options.scheduler.now() + delay;
    this.options.onState({ status: 'reconnecting', attempt: this.attempt, retryAtMs, reason });
    this.retryTimer = this.options.scheduler.setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.options.scheduler.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket !== null) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, 'client closed');
    }
  }
}

function closeReason(event: CloseEvent): string {
  if (event.code === LIVE_CLOSE_CODES.tooSlow) return 'the server dropped this slow client';
  if (event.reason) return `closed (${event.code}): ${event.reason}`;
  return event.code === 1006 ? 'connection lost' : `closed (${event.code})`;
}
