/**
 * Finds raw control characters in UTF-8 bytes, the one kind of invalid JSON the record scanner
 * does not see (it skips string contents with indexOf). Line feeds are line ends and a carriage
 * return right before one is part of the line end (CRLF files); every other byte below 0x20 is
 * reported, and the lines holding one take the general path (JSON.parse) instead.
 *
 * Why word-at-a-time: a byte loop costs more than the whole scan of a record, while four bytes
 * checked per 32-bit operation with the classic "has a byte below n" bit trick keep this pass at a
 * fraction of it. Multi-byte UTF-8 sequences are all >= 0x80 and never match.
 */
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The index of the first control byte in `bytes[from, to)` other than a line end, or -1. */
export function findControlByte(bytes: Uint8Array, from: number, to: number): number {
  return findByte(bytes, from, to, false);
}

/**
 * Whether `bytes[from, to)` is ASCII with no control byte other than line ends: what the byte
 * scanner takes (./byte-record-scanner.ts). The same single word-at-a-time pass as findControlByte.
 */
export function isPlainAscii(bytes: Uint8Array, from: number, to: number): boolean {
  return findByte(bytes, from, to, true) === -1;
}

/** The first control byte other than a line end, or with `orNonAscii` also the first byte >= 0x80; -1 when none. */
function findByte(bytes: Uint8Array, from: number, to: number, orNonAscii: boolean): number {
  const offset = bytes.byteOffset;
  const highBits = orNonAscii ? 0x80808080 : 0;
  let index = from;
  // Int32Array views must start at a multiple of 4 bytes: the unaligned head byte by byte.
  while (index < to && ((offset + index) & 3) !== 0) {
    if (isSoughtByte(bytes, index, to, orNonAscii)) return index;
    index++;
  }
  const wordCount = (to - index) >> 2;
  if (wordCount > 0) {
    const words = new Int32Array(bytes.buffer, offset + index, wordCount);
    for (let w = 0; w < wordCount; w++) {
      const word = words[w] as number;
      // High bit of each byte below 0x20: (b & 0x7f) + 0x60 carries into bit 7 exactly when
      // (b & 0x7f) >= 0x20, and OR-ing the byte itself excludes bytes >= 0x80. No carry crosses bytes.
      const below = ~(((word & 0x7f7f7f7f) + 0x60606060) | word) & 0x80808080;
      const high = word & highBits;
      if ((below | high) === 0) continue;
      // High bit of each byte equal to 0x0a (zero after the XOR), computed the same carry-free way.
      const xored = word ^ 0x0a0a0a0a;
      const lineFeeds = ~(((xored & 0x7f7f7f7f) + 0x7f7f7f7f) | xored) & 0x80808080;
      if (((below & ~lineFeeds) | high) === 0) continue;
      const first = index + w * 4;
      for (let i = first; i < first + 4; i++) if (isSoughtByte(bytes, i, to, orNonAscii)) return i;
    }
    index += wordCount * 4;
  }
  for (; index < to; index++) if (isSoughtByte(bytes, index, to, orNonAscii)) return index;
  return -1;
}

function isSoughtByte(bytes: Uint8Array, index: number, to: number, orNonAscii: boolean): boolean {
  return isControlByte(bytes, index, to) || (orNonAscii && (bytes[index] as number) >= 0x80);
}

function isControlByte(bytes: Uint8Array, index: number, to: number): boolean {
  const byte = bytes[index] as number;
  if (byte >= 0x20 || byte === LINE_FEED) return false;
  return !(byte === CARRIAGE_RETURN && index + 1 < to && bytes[index + 1] === LINE_FEED);
}
