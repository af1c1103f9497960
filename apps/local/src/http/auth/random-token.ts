import { randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: API tokens, one-time login tokens and session ids. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
