/**
 * The string values the byte scanner (./byte-record-scanner.ts) reads, made from ASCII bytes with one
 * canonical string per distinct value and field, found again by its bytes.
 *
 * Why: most values repeat record after record (services, event names, identities, accounts,
 * regions, the current second's eventTime). Looking a value up by its bytes hands back the string
 * made the first time, so a repeated value costs a hash of a few bytes and one comparison, and no
 * allocation; the engine's Maps then see the same string object, whose hash V8 keeps. A table per
 * field, so the values of one field do not push out those of another (cf. ./string-interner.ts, the
 * same idea for values cut out of text).
 */
import {
  AWS_REGION,
  ERROR_CODE,
  EVENT_NAME,
  EVENT_SOURCE,
  EVENT_TIME,
  EVENT_TYPE,
  FIELD_COUNT,
  IDENTITY_ACCOUNT_ID,
  IDENTITY_ARN,
  ISSUER_ARN,
  RECIPIENT_ACCOUNT_ID,
  SOURCE_IP_ADDRESS,
} from './projected-fields';

const asciiDecoder = new TextDecoder();

/** The text of the ASCII bytes `bytes[start, end)`. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  return asciiDecoder.decode(bytes.subarray(start, end));
}

/**
 * One canonical string per distinct ASCII value, in a two-way set-associative table: a value may sit
 * in either slot of its pair, and a new one goes first, pushing the pair's first to second, so two
 * hot values that collide both stay. A collision or a value seen once (most IPs of a large fleet)
 * costs only the string it needs anyway; the table never grows.
 */
export class AsciiStringTable {
  private readonly slots: string[];
  private readonly mask: number;

  /** `slotBits`: log2 of the table size (at least one pair); a few times the number of distinct hot values is plenty. */
  constructor(slotBits: number) {
    const size = Math.max(2, 1 << slotBits);
    this.slots = new Array<string>(size).fill('');
    this.mask = size - 1;
  }

  /** The string of the ASCII bytes `bytes[start, end)`. */
  value(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length === 0) return '';
    const first = bytesSlot(bytes, start, length) & this.mask & ~1;
    const slots = this.slots;
    const known = slots[first] as string;
    if (sameAscii(known, bytes, start, length)) return known;
    const second = slots[first + 1] as string;
    if (sameAscii(second, bytes, start, length)) return second;
    const made = asciiText(bytes, start, end);
    slots[first + 1] = known;
    slots[first] = made;
    return made;
  }
}

function sameAscii(value: string, bytes: Uint8Array, start: number, length: number): boolean {
  if (value.length !== length) return false;
  for (let i = 0; i < length; i++) if (value.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

/**
 * A cheap hash of the length and six bytes of the value: both ends, the middle and between.
 * CloudTrail values differ at the start (event sources), at the end (event names, IPs, times) or in
 * between (ARNs). Every position read is inside the value (length >= 1).
 */
function bytesSlot(bytes: Uint8Array, start: number, length: number): number {
  const last = start + length - 1;
  let hash = Math.imul(length ^ (bytes[start] as number), 0x9e3779b1);
  hash = Math.imul(hash ^ (bytes[start + (length >> 2)] as number), 0x85ebca6b);
  hash = Math.imul(hash ^ (bytes[start + (length >> 1)] as number), 0xc2b2ae35);
  hash = Math.imul(hash ^ (bytes[last - (length >> 2)] as number), 0x27d4eb2f);
  hash = Math.imul(hash ^ (bytes[last - 1 < start ? start : last - 1] as number), 0x9e3779b1);
  hash = Math.imul(hash ^ (bytes[last] as number), 0x85ebca6b);
  return hash ^ (hash >>> 15);
}

/** log2 of each field's table size: a few times its distinct hot values (see the module comment). */
const TABLE_BITS: Readonly<Record<number, number>> = {
  [EVENT_TIME]: 8,
  [EVENT_SOURCE]: 10,
  [EVENT_NAME]: 15,
  [EVENT_TYPE]: 6,
  [SOURCE_IP_ADDRESS]: 15,
  [ERROR_CODE]: 10,
  [RECIPIENT_ACCOUNT_ID]: 12,
  [AWS_REGION]: 7,
  [IDENTITY_ARN]: 15,
  [ISSUER_ARN]: 13,
  [IDENTITY_ACCOUNT_ID]: 12,
};
/** The other identity fields (userName, principalId, invokedBy, type). */
const OTHER_FIELDS_BITS = 14;

/** One AsciiStringTable per projected field. */
export class ProjectedStrings {
  private static sharedTables: ProjectedStrings | undefined;
  private readonly tables: AsciiStringTable[];

  /** The thread's tables. Sharing cannot change a value: a table only ever hands back equal strings. */
  static shared(): ProjectedStrings {
    return (ProjectedStrings.sharedTables ??= new ProjectedStrings());
  }

  constructor() {
    this.tables = Array.from({ length: FIELD_COUNT }, (_, field) => new AsciiStringTable(TABLE_BITS[field] ?? OTHER_FIELDS_BITS));
  }

  /** The string value of `field` whose ASCII bytes, quotes excluded and without escapes, are `bytes[start, end)`. */
  value(field: number, bytes: Uint8Array, start: number, end: number): string {
    return (this.tables[field] as AsciiStringTable).value(bytes, start, end);
  }
}
