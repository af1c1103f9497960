import { type ServerResponse } from 'node:http';
import { ERROR_STATUS, errorBody, type Problem } from '@trailpulse/api-contract';
import { type HttpError } from './http-error';

/** A JSON answer; API answers are never cached (they hold live data and per-user state). */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

export function sendNoContent(response: ServerResponse, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(204, { ...headers, 'Cache-Control': 'no-store' });
  response.end();
}

/** `{error, message}` with the code's status; never a stack trace or an internal path. */
export function sendHttpError(response: ServerResponse, error: HttpError): void {
  const headers: Record<string, string> = { ...error.options.headers };
  if (error.options.closeConnection === true) headers['Connection'] = 'close';
  const problems: readonly Problem[] | undefined = error.options.problems;
  sendJson(response, ERROR_STATUS[error.code], errorBody(error.code, error.message, problems), headers);
}
