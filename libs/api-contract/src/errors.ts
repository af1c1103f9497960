import { z } from 'zod';

/**
 * Error codes of the API and their HTTP statuses (api.md "Errors"). 403, 405 and 500 are not named
 * by the spec but the server needs them; 500 never carries details.
 */
export const ERROR_STATUS = {
  'bad-request': 400,
  unauthorized: 401,
  /** A session cookie on a cross-origin state-changing request or WebSocket (CSRF, hijacking). */
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'internal-error': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as readonly ErrorCode[];

/**
 * One located problem of a request, e.g. a custom metric definition field. An extension of the
 * spec's `{error, message}` body so that the dashboard can show each problem next to its field.
 */
export const problemSchema = z.object({
  /** Where: a query parameter name, or a path inside the body such as `filter.and[1].regex`. */
  path: z.string(),
  message: z.string(),
  metric: z.string().optional(),
  line: z.number().int().positive().optional(),
});

export type Problem = z.infer<typeof problemSchema>;

/** Every error response: `{"error": "<code>", "message": "<human sentence>"}` (+ `problems` on some 400s). */
export const errorBodySchema = z.object({
  error: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  message: z.string().min(1),
  problems: z.array(problemSchema).optional(),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(error: ErrorCode, message: string, problems?: readonly Problem[]): ErrorBody {
  return problems === undefined ? { error, message } : { error, message, problems: [...problems] };
}
