// A WebSocket client of /api/v1/live noting when each 10 s window is first announced.
import WebSocket from 'ws';
import { API_PATHS, type LiveServerMessage } from '@trailpulse/api-contract';
import { LIVE_WINDOW_SECONDS } from './payloads';

export class LiveWindows {
  /** performance.now() of the first `window` message per window start (epoch ms). */
  readonly firstSeenMs = new Map<number, number>();

  anomalies = 0;
  error: Error | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as LiveServerMessage;
      if (message.type === 'anomaly') this.anomalies++;
      if (message.type !== 'window' || message.windowSeconds !== LIVE_WINDOW_SECONDS) return;
      const startMs = Date.parse(message.window.start);
      if (this.firstSeenMs.has(startMs)) return;
      this.firstSeenMs.set(startMs, performance.now());
    });
  }

  static async connect(baseUrl: string, token: string): Promise<LiveWindows> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${API_PATHS.live}`, { headers: { Authorization: `Bearer ${token}` } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const live = new LiveWindows(socket);
    // A runtime that dies mid-run resets the socket: note it, the run then fails on its HTTP calls with the runtime's stderr.
    socket.on('error', (error: Error) => (live.error = error));
    return live;
  }

  close(): void {
    this.socket.close();
  }
}
