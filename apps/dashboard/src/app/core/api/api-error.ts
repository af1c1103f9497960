import { errorBodySchema, type Problem } from '@trailpulse/api-contract';

/**
 * A failed API call, with what the user needs: the HTTP status, the API's error code and
 * sentence, and for a rejected body the located problems (e.g. custom metric fields).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the request never got an answer (network down, CORS). */
    readonly status: number,
    /** The API's error code (`bad-request`, ...), or `network` / `bad-response` for client-side failures. */
    readonly code: string,
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** Reads an error answer; a body that is not the contract's error shape still yields a useful message. */
  static fromResponse(status: number, body: unknown, url: string, cause?: unknown): ApiError {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) return new ApiError(status, parsed.data.error, parsed.data.message, parsed.data.problems ?? [], { cause });
    if (status === 0) return new ApiError(0, 'network', `could not reach ${url}: check your network or whether the API is running`, [], { cause });
    return new ApiError(status, `http-${status}`, `${url} answered HTTP ${status}`, [], { cause });
  }
}

/** What to tell the user to do about an error, for the empty/error states. */
export function adviceFor(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Reload the page; if it keeps failing, check the browser console.';
  switch (error.status) {
    case 0:
      return 'The API did not answer. Check that it is running (locally: npm start) and that you are online; the dashboard retries on its own.';
    case 401:
      return 'Your session has ended. Sign in again.';
    case 429:
      return 'The API is rate limiting this browser. Wait a moment, then retry.';
    case 400:
      return 'The API refused the request; the message above says which parameter to fix.';
    default:
      return error.status >= 500 ? 'The API failed. Retry in a moment; if it persists, check the API logs.' : 'Retry, or change the range or filters.';
  }
}
