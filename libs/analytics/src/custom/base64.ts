// Standard base64 (RFC 4648, with padding) of bytes, without Buffer or btoa: the engine is
// browser-safe and snapshots must read back identically everywhere.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE_OF = new Map([...ALPHABET].map((char, value) => [char, value]));

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    parts.push(
      ALPHABET.charAt(triple >> 18),
      ALPHABET.charAt((triple >> 12) & 63),
      b === undefined ? '=' : ALPHABET.charAt((triple >> 6) & 63),
      c === undefined ? '=' : ALPHABET.charAt(triple & 63),
    );
  }
  return parts.join('');
}

/** The bytes of `text`, or undefined when it is not canonical base64 of `length` bytes. */
export function decodeBase64(text: string, length: number): Uint8Array | undefined {
  if (text.length !== Math.ceil(length / 3) * 4) return undefined;
  const bytes = new Uint8Array(length);
  for (let i = 0, out = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const char = text.charAt(i + j);
      // Padding reads as zero bits; re-encoding below refuses it anywhere but at the end.
      const value = char === '=' ? 0 : VALUE_OF.get(char);
      if (value === undefined) return undefined;
      triple = (triple << 6) | value;
    }
    for (let j = 0; j < 3 && out < length; j++) bytes[out++] = (triple >> (16 - 8 * j)) & 255;
  }
  return encodeBase64(bytes) === text ? bytes : undefined;
}
