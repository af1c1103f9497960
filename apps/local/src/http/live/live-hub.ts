import { type IncomingMessage } from 'node:http';
import { type Duplex } from 'node:stream';
import {
  LIVE_CLOSE_CODES,
  LIVE_PROTOCOL_VERSION,
  liveAuthMessageSchema,
  type LiveEventMessage,
  type LiveHelloMessage,
} from '@trailpulse/api-contract';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { type Authenticator } from '../auth/authenticator';
import { authenticate } from '../auth/request-auth';
import { type LiveLimits } from '../options';
import { type Logger } from '../runtime-types';

/** Clients only ever send one small `auth` message. */
const MAX_CLIENT_MESSAGE_BYTES = 4 * 1024;
/** After a close frame, how long a client has to complete the close handshake before its socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

interface Client {
  readonly socket: WebSocket;
  authenticated: boolean;
  /** Answered the last ping. */
  alive: boolean;
}

/**
 * `/api/v1/live`: authenticates each connection (Authorization header or same-origin session cookie
 * on the upgrade, else a first `{"type":"auth"}` message within authTimeoutMs, else close 4401),
 * then sends every live message to it. Heartbeat: a ping every heartbeatMs; no pong by the next one
 * and the connection is dropped. Backpressure: a client with more than maxBufferedBytes pending is
 * closed with 4429 instead of being buffered without bound or silently skipping windows.
 */
export class LiveHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  private readonly clients = new Set<Client>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly auth: Authenticator,
    private readonly limits: LiveLimits,
    private readonly logger: Logger,
  ) {
    this.heartbeat = setInterval(() => this.beat(), limits.heartbeatMs);
    this.heartbeat.unref();
  }

  get connectedClients(): number {
    return [...this.clients].filter((client) => client.authenticated).length;
  }

  /** Takes over an upgrade request already routed to the live path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.clients.size >= this.limits.maxClients) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const authenticated = request.headers.authorization !== undefined || request.headers.cookie !== undefined ? authenticate(request, this.auth) : undefined;
    const headerFailed = request.headers.authorization !== undefined && authenticated === undefined;
    this.wss.handleUpgrade(request, socket, head, (webSocket) => {
      const client: Client = { socket: webSocket, authenticated: false, alive: true };
      this.clients.add(client);
      webSocket.on('close', () => this.clients.delete(client));
      webSocket.on('error', () => webSocket.terminate());
      webSocket.on('pong', () => {
        client.alive = true;
      });
      if (headerFailed) {
        this.closeUnauthorized(client, 'the Authorization header holds no valid token');
      } else if (authenticated !== undefined) {
        this.admit(client);
      } else {
        this.awaitAuthMessage(client);
      }
    });
  }

  broadcast(message: LiveEventMessage): void {
    const data = JSON.stringify(message);
    for (const client of this.clients) {
      if (!client.authenticated || client.socket.readyState !== WebSocket.OPEN) continue;
      // Judged on what is still pending from earlier messages: one large window alone never trips it.
      if (client.socket.bufferedAmount > this.limits.maxBufferedBytes) {
        this.logger.warn('live client too slow: closing it', { bufferedBytes: client.socket.bufferedAmount });
        this.closeWith(client, LIVE_CLOSE_CODES.tooSlow, 'too many messages pending: reconnect and reload over HTTP');
        continue;
      }
      client.socket.send(data);
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.socket.close(1001, 'server stopping');
    for (const client of this.clients) client.socket.terminate();
    this.wss.close();
  }

  private awaitAuthMessage(client: Client): void {
    const timer = setTimeout(() => this.closeUnauthorized(client, 'no auth message in time'), this.limits.authTimeoutMs);
    client.socket.once('close', () => clearTimeout(timer));
    client.socket.once('message', (data: RawData, isBinary: boolean) => {
      clearTimeout(timer);
      const token = isBinary ? undefined : authTokenOf(data);
      if (token !== undefined && this.auth.verifyApiToken(token) !== undefined) this.admit(client);
      else this.closeUnauthorized(client, 'the first message must be {"type":"auth","token":"..."} with a valid token');
    });
  }

  private admit(client: Client): void {
    client.authenticated = true;
    const hello: LiveHelloMessage = { type: 'hello', protocol: LIVE_PROTOCOL_VERSION };
    client.socket.send(JSON.stringify(hello));
  }

  private closeUnauthorized(client: Client, reason: string): void {
    this.closeWith(client, LIVE_CLOSE_CODES.unauthorized, reason);
  }

  private closeWith(client: Client, code: number, reason: string): void {
    client.authenticated = false;
    client.socket.close(code, reason);
    setTimeout(() => client.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  private beat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }
}

function authTokenOf(data: RawData): string | undefined {
  try {
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const message = liveAuthMessageSchema.safeParse(JSON.parse(text));
    return message.success ? message.data.token : undefined;
  } catch {
    return undefined;
  }
}
