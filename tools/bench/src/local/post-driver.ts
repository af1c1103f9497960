// Drives POST /api/v1/events at max rate with bounded concurrency over one keep-alive agent.
import { Agent, request } from 'node:http';
import { type IngestPayload } from './payloads';

export interface PostTarget {
  readonly url: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface DriveResult {
  /** performance.now() when each payload's (first) POST started, by payload index. */
  readonly startedAtMs: readonly number[];
  readonly firstStartMs: number;
  readonly lastAnswerMs: number;
  /** 429 answers retried after Retry-After (rate limit or a full ingest queue). */
  readonly retried: number;
}

export class PostFailedError extends Error {
  override readonly name = 'PostFailedError';
}

interface Answer {
  readonly status: number;
  readonly retryAfterSeconds: number;
  readonly text: string;
}

function post(agent: Agent, target: PostTarget, body: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(target.url);
  return new Promise((resolve, reject) => {
    const req = request({ agent, hostname, port, path: target.path, method: 'POST', headers: { ...target.headers, 'Content-Length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfterSeconds: Number(res.headers['retry-after'] ?? 1), text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs every payload (in order of start, `concurrency` at a time); resolves when all were answered 2xx.
 * With `recordsPerSecond`, a payload starts no earlier than its first record's turn at that rate.
 */
export async function drivePosts(target: PostTarget, payloads: readonly IngestPayload[], concurrency: number, recordsPerSecond?: number): Promise<DriveResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const startedAtMs = new Array<number>(payloads.length).fill(Number.NaN);
  let next = 0;
  let retried = 0;
  const firstStartMs = performance.now();
  const recordsBefore: number[] = [];
  payloads.reduce((sum, payload) => (recordsBefore.push(sum), sum + payload.records), 0);
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      const payload = payloads[index];
      if (payload === undefined) return;
      if (recordsPerSecond !== undefined) {
        const dueMs = firstStartMs + ((recordsBefore[index] as number) / recordsPerSecond) * 1000;
        const waitMs = dueMs - performance.now();
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
      startedAtMs[index] = performance.now();
      for (;;) {
        const answer = await post(agent, target, payload.body);
        if (answer.status >= 200 && answer.status < 300) break;
        if (answer.status !== 429) throw new PostFailedError(`POST ${target.path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
        retried++;
        await new Promise((resolve) => setTimeout(resolve, answer.retryAfterSeconds * 1000));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
  } finally {
    agent.destroy();
  }
  return { startedAtMs, firstStartMs, lastAnswerMs: performance.now(), retried };
}
