import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with the expected one in time independent of where they differ and
 * of their lengths: both are hashed first, so timingSafeEqual always sees 32 bytes.
 */
export function secretsEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(expected));
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A map key for a secret that reveals nothing about it, even through lookup timing. */
export function secretKey(secret: string): string {
  return sha256(secret).toString('base64url');
}
