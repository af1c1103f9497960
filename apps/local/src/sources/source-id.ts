/**
 * Source ids that stay the same across restarts with the same arguments and differ otherwise, so a
 * checkpoint is only ever resumed by the source that wrote it (replaying other files starts afresh).
 */
import * as path from 'node:path';

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, and plenty to tell a handful of argument lists apart. */
export function fnv1aHex(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** `<kind>:<hash of the absolute paths>`. */
export function pathsSourceId(kind: string, paths: readonly string[]): string {
  return `${kind}:${fnv1aHex(paths.map((p) => path.resolve(p)).join('\0'))}`;
}
