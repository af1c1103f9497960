// Read once: this runs per key, and a global lookup per call is slow in sandboxes such as Jest's.
const imul = Math.imul;

/**
 * A 32-bit hash of a string's UTF-16 code units: multiply-xorshift per code unit, then the
 * MurmurHash3 finalizer so every input bit reaches every output bit. Different seeds give
 * independent-looking hashes, which HyperLogLog uses as two halves of one 64-bit hash. Written for
 * speed in the browser and Node alike (Math.imul, no allocation); not for security.
 */
export function hashString(text: string, seed: number): number {
  let hash = seed ^ text.length;
  for (let index = 0; index < text.length; index++) {
    hash = imul(hash ^ text.charCodeAt(index), 0x5bd1e995);
    hash ^= hash >>> 15;
  }
  hash ^= hash >>> 16;
  hash = imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
