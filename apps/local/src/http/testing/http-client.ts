import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface TestResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json(): unknown;
}

export interface TestRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/**
 * A plain node:http request (no cookie jar, no automatic Origin): the tests control every header.
 * The path is sent exactly as written after the origin (`/../x` is not normalized away).
 */
export function send(url: string, options: TestRequest = {}): Promise<TestResponse> {
  const origin = /^http:\/\/[^/]+/.exec(url)?.[0] ?? '';
  const { hostname, port } = new URL(origin);
  const target = { hostname, port, path: url.slice(origin.length) || '/', method: options.method ?? 'GET', headers: options.headers ?? {} };
  return new Promise((resolve, reject) => {
    const request = httpRequest(target, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) as unknown });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
