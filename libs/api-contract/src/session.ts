import { z } from 'zod';

/**
 * `POST /api/v1/session`: trades the one-time login token of the start URL (or the API token) for an
 * HttpOnly, SameSite=Strict session cookie, so that no token stays in the URL bar or in script reach.
 * Answered `204` with the cookie, or `401`. `DELETE /api/v1/session` ends the session (`204`).
 */
export const loginRequestSchema = z.strictObject({ token: z.string().min(1).max(512) });

export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Name of the session cookie. */
export const SESSION_COOKIE = 'trailpulse_session';
