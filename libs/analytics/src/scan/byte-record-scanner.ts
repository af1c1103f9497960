/**
 * The record scanner of ./record-scanner.ts on the UTF-8 bytes of a record instead of its decoded
 * text: the same walk, the same validation, the same slots (a differential test holds the two
 * together on the shared corpora and on generated and mangled records).
 *
 * Why a second one: the NDJSON reader would otherwise decode every byte of its input into strings
 * only to read a dozen values out of them. On the local runtime's ingest thread those decoded pieces
 * were a quarter of all it allocated, and the values sliced out of them kept whole 64 KiB pieces
 * alive until the records were aggregated, so young-generation collections copied them. Scanning the
 * bytes allocates nothing but the values, and those come from ProjectedStrings: a value seen before
 * is found by its bytes and handed back without a new string.
 *
 * Precondition, checked by the caller for each piece it hands in (./control-bytes.ts `isPlainAscii`):
 * the record's bytes are ASCII with no raw control characters. Records with other characters take
 * the text scanner, which is exact for them.
 */
import {
  BACKSLASH,
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DIGIT_0,
  DIGIT_1,
  DIGIT_9,
  DOT,
  isDigit,
  isHexDigit,
  LINE_FEED,
  LOWER_B,
  LOWER_E,
  LOWER_F,
  LOWER_N,
  LOWER_R,
  LOWER_T,
  LOWER_U,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  PLUS,
  QUOTE,
  SLASH,
  SPACE,
  TAB,
  UPPER_E,
} from './json-chars';
import {
  AWS_REGION,
  ENVELOPE_FIELD,
  ERROR_CODE,
  EVENT_NAME,
  EVENT_SOURCE,
  EVENT_TIME,
  EVENT_TYPE,
  FIELD_COUNT,
  IDENTITY_ACCOUNT_ID,
  IDENTITY_ARN,
  IDENTITY_INVOKED_BY,
  IDENTITY_PRINCIPAL_ID,
  IDENTITY_TYPE,
  IDENTITY_USER_NAME,
  IN_SESSION_CONTEXT,
  IN_SESSION_ISSUER,
  IN_USER_IDENTITY,
  ISSUER_ARN,
  OTHER_FIELD,
  projectedField,
  READ_ONLY,
  RECIPIENT_ACCOUNT_ID,
  SESSION_CONTEXT,
  SESSION_ISSUER,
  SKIPPED_ARRAY,
  SKIPPED_OBJECT,
  SOURCE_IP_ADDRESS,
  TOP_LEVEL,
  USER_IDENTITY,
  WALKED_OBJECT,
} from './projected-fields';
import { asciiText, ProjectedStrings } from './projected-strings';

const NO_BYTES = new Uint8Array(0);

/** Returned by the position-returning helpers when the bytes are not valid JSON there. */
const INVALID = -1;
/** A key whose escapes do not decode (the field numbers of projected-fields.ts are all other values). */
const UNDECODABLE_KEY = -3;

/**
 * Nesting tracked by skipValue: one bit per level in a 31-bit int (object = 1, array = 0). Real
 * records nest a dozen levels at most; deeper texts go to the general path.
 */
const MAX_SKIP_DEPTH = 30;

export class ByteRecordScanner {
  /** The projected values: a string, number, boolean, null, WALKED_OBJECT or a SKIPPED_* stand-in; undefined = absent. */
  readonly slots: unknown[] = new Array<unknown>(FIELD_COUNT).fill(undefined);

  private bytes: Uint8Array = NO_BYTES;
  private end = 0;
  /** Whether the string just delimited by stringEnd contains escapes. */
  private escaped = false;

  /**
   * `strings`: by default the thread's shared tables (a reader per request then starts warm instead
   * of allocating and filling tables of its own).
   */
  constructor(private readonly strings: ProjectedStrings = ProjectedStrings.shared()) {}

  /**
   * Scans `bytes[start, end)`, which must hold the record with no whitespace around it (ASCII, see
   * the module comment). True when it is a valid JSON object and not a delivery format; the slots
   * then hold its projected fields.
   */
  scan(bytes: Uint8Array, start: number, end: number): boolean {
    this.bytes = bytes;
    this.end = end;
    this.slots.fill(undefined);
    if (bytes[start] !== OPEN_BRACE) return false;
    const after = this.walkObject(start, TOP_LEVEL);
    return after === end;
  }

  /**
   * Walks the object at `start` (its `{`), storing the projected fields of `level`; returns the
   * position after its `}`, or INVALID (also for an envelope key at the top level).
   */
  private walkObject(start: number, level: number): number {
    const bytes = this.bytes;
    let pos = this.skipWhitespace(start + 1);
    if (bytes[pos] === CLOSE_BRACE) return pos + 1;
    for (;;) {
      if (bytes[pos] !== QUOTE) return INVALID;
      const keyEnd = this.stringEnd(pos + 1);
      if (keyEnd === INVALID) return INVALID;
      const field = this.escaped ? escapedKeyField(this.bytes, pos, keyEnd, level) : this.keyField(pos + 1, keyEnd, level);
      if (field === ENVELOPE_FIELD || field === UNDECODABLE_KEY) return INVALID;
      pos = this.skipWhitespace(keyEnd + 1);
      if (bytes[pos] !== COLON) return INVALID;
      pos = this.skipWhitespace(pos + 1);
      pos = field === OTHER_FIELD ? this.skipValue(pos) : this.readField(pos, field);
      if (pos === INVALID) return INVALID;
      pos = this.skipWhitespace(pos);
      const next = bytes[pos];
      if (next === CLOSE_BRACE) return pos + 1;
      if (next !== COMMA) return INVALID;
      pos = this.skipWhitespace(pos + 1);
    }
  }

  /** Reads the value at `pos` into `field`'s slot; descends into the objects the projection looks inside. */
  private readField(pos: number, field: number): number {
    const slots = this.slots;
    const first = this.bytes[pos];
    if (first === OPEN_BRACE) {
      // A repeated key replaces the earlier value whole (JSON.parse semantics): forget what the
      // earlier object's fields said before walking this one.
      if (field === USER_IDENTITY) {
        slots.fill(undefined, IDENTITY_ARN, FIELD_COUNT);
        slots[USER_IDENTITY] = WALKED_OBJECT;
        return this.walkObject(pos, IN_USER_IDENTITY);
      }
      if (field === SESSION_CONTEXT) {
        slots[SESSION_ISSUER] = undefined;
        slots[ISSUER_ARN] = undefined;
        slots[SESSION_CONTEXT] = WALKED_OBJECT;
        return this.walkObject(pos, IN_SESSION_CONTEXT);
      }
      if (field === SESSION_ISSUER) {
        slots[ISSUER_ARN] = undefined;
        slots[SESSION_ISSUER] = WALKED_OBJECT;
        return this.walkObject(pos, IN_SESSION_ISSUER);
      }
      slots[field] = SKIPPED_OBJECT;
      return this.skipValue(pos);
    }
    if (first === QUOTE) {
      const close = this.stringEnd(pos + 1);
      if (close === INVALID) return INVALID;
      const value = this.escaped ? decodeEscapedString(this.bytes, pos, close) : this.strings.value(field, this.bytes, pos + 1, close);
      if (value === undefined) return INVALID;
      slots[field] = value;
      return close + 1;
    }
    if (first === OPEN_BRACKET) {
      slots[field] = SKIPPED_ARRAY;
      return this.skipValue(pos);
    }
    if (first === LOWER_N) {
      slots[field] = null;
      return this.literalEnd(pos, 'null');
    }
    if (first === LOWER_T) {
      slots[field] = true;
      return this.literalEnd(pos, 'true');
    }
    if (first === LOWER_F) {
      slots[field] = false;
      return this.literalEnd(pos, 'false');
    }
    const numberEnd = this.numberEnd(pos);
    // Number() reads every JSON number exactly as JSON.parse does (same double, "-0" included).
    if (numberEnd !== INVALID) slots[field] = Number(asciiText(this.bytes, pos, numberEnd));
    return numberEnd;
  }

  /**
   * Skips (and validates) the value at `pos`; returns the position after it. Objects and arrays
   * are walked iteratively with the open containers as bits of one int, so skipping allocates
   * nothing; strings are skipped with native indexOf.
   */
  private skipValue(start: number): number {
    const bytes = this.bytes;
    let pos = start;
    let depth = 0;
    /** Bit i set = the container at depth i + 1 is an object. */
    let containers = 0;
    for (;;) {
      // A value starts at pos.
      let code = bytes[pos] as number;
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (depth === MAX_SKIP_DEPTH) return INVALID;
        const isObject = code === OPEN_BRACE;
        depth++;
        containers = (containers << 1) | (isObject ? 1 : 0);
        pos = this.skipWhitespace(pos + 1);
        code = bytes[pos] as number;
        if (code === (isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
          pos++;
          depth--;
          containers >>= 1;
        } else {
          if (isObject) {
            pos = this.memberValueStart(pos);
            if (pos === INVALID) return INVALID;
          }
          continue;
        }
      } else {
        pos = this.scalarEnd(pos, code);
        if (pos === INVALID) return INVALID;
      }
      // A value ended at pos: close containers or move to the next element.
      for (;;) {
        if (depth === 0) return pos;
        pos = this.skipWhitespace(pos);
        code = bytes[pos] as number;
        const inObject = (containers & 1) === 1;
        if (code === COMMA) {
          pos = this.skipWhitespace(pos + 1);
          if (inObject) {
            pos = this.memberValueStart(pos);
            if (pos === INVALID) return INVALID;
          }
          break;
        }
        if (code !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) return INVALID;
        pos++;
        depth--;
        containers >>= 1;
      }
    }
  }

  /** At a member's key: skips `"key" :` and the whitespace after it; returns where the value starts. */
  private memberValueStart(pos: number): number {
    if (this.bytes[pos] !== QUOTE) return INVALID;
    const keyEnd = this.stringEnd(pos + 1);
    if (keyEnd === INVALID) return INVALID;
    const colon = this.skipWhitespace(keyEnd + 1);
    if (this.bytes[colon] !== COLON) return INVALID;
    return this.skipWhitespace(colon + 1);
  }

  /** The end of the string, number or literal starting at `pos` with code unit `code`. */
  private scalarEnd(pos: number, code: number): number {
    if (code === QUOTE) {
      const close = this.stringEnd(pos + 1);
      return close === INVALID ? INVALID : close + 1;
    }
    if (code === LOWER_T) return this.literalEnd(pos, 'true');
    if (code === LOWER_F) return this.literalEnd(pos, 'false');
    if (code === LOWER_N) return this.literalEnd(pos, 'null');
    return this.numberEnd(pos);
  }

  /**
   * The index of the closing quote of the string whose content starts at `from`, or INVALID when it
   * is not closed before the end of the record or has an invalid escape. Sets `escaped`.
   *
   * Why a loop and not indexOf: TypedArray.prototype.indexOf is a call into the runtime, which costs
   * more than walking the dozen bytes of a typical key or value (measured: the scan took 10 % longer
   * than the text scanner's with it); the loop finds the quote and any backslash in one pass.
   */
  private stringEnd(from: number): number {
    const bytes = this.bytes;
    const end = this.end;
    this.escaped = false;
    let pos = from;
    for (;;) {
      while (pos < end) {
        const code = bytes[pos] as number;
        if (code === QUOTE || code === BACKSLASH) break;
        pos++;
      }
      if (pos >= end) return INVALID;
      if (bytes[pos] === QUOTE) return pos;
      this.escaped = true;
      pos = escapeEnd(bytes, pos);
      if (pos === INVALID) return INVALID;
    }
  }

  /**
   * The position after `literal` (true, false, null) at `pos`, whose first character the caller
   * has matched, or INVALID.
   */
  private literalEnd(pos: number, literal: string): number {
    const bytes = this.bytes;
    for (let i = 1; i < literal.length; i++) if (bytes[pos + i] !== literal.charCodeAt(i)) return INVALID;
    return pos + literal.length;
  }

  /** The position after the JSON number at `pos` (RFC 8259 grammar: no leading zeros, no bare dot), or INVALID. */
  private numberEnd(start: number): number {
    const bytes = this.bytes;
    let pos = start;
    let code = bytes[pos] as number;
    if (code === MINUS) code = bytes[++pos] as number;
    if (code === DIGIT_0) {
      code = bytes[++pos] as number;
    } else if (code >= DIGIT_1 && code <= DIGIT_9) {
      do code = bytes[++pos] as number;
      while (isDigit(code));
    } else {
      return INVALID;
    }
    if (code === DOT) {
      code = bytes[++pos] as number;
      if (!isDigit(code)) return INVALID;
      do code = bytes[++pos] as number;
      while (isDigit(code));
    }
    if (code === LOWER_E || code === UPPER_E) {
      code = bytes[++pos] as number;
      if (code === PLUS || code === MINUS) code = bytes[++pos] as number;
      if (!isDigit(code)) return INVALID;
      do code = bytes[++pos] as number;
      while (isDigit(code));
    }
    return pos;
  }

  private skipWhitespace(start: number): number {
    const bytes = this.bytes;
    let pos = start;
    for (;;) {
      const code = bytes[pos] as number;
      // Fast exit first: compact JSON has no whitespace at all.
      if (code > SPACE) return pos;
      if (code !== SPACE && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) return pos;
      pos++;
    }
  }

  /**
   * The slot of the plain key `bytes[start, end)`. Dispatches on length and first character, so most
   * keys are told apart without a comparison; a candidate is then confirmed in full. Agrees with
   * projectedField (a unit test checks every projected key and near misses).
   */
  private keyField(start: number, end: number, level: number): number {
    const length = end - start;
    const first = this.bytes[start];
    if (level === TOP_LEVEL) {
      switch (length) {
        case 7:
          return first === 0x52 /* R */ && this.keyIs('Records', start) ? ENVELOPE_FIELD : OTHER_FIELD;
        case 8:
          return first === 0x72 /* r */ && this.keyIs('readOnly', start) ? READ_ONLY : OTHER_FIELD;
        case 9:
          if (first === 0x61 /* a */) return this.keyIs('awsRegion', start) ? AWS_REGION : OTHER_FIELD;
          if (first !== 0x65 /* e */) return OTHER_FIELD;
          if (this.keyIs('eventTime', start)) return EVENT_TIME;
          if (this.keyIs('eventName', start)) return EVENT_NAME;
          if (this.keyIs('eventType', start)) return EVENT_TYPE;
          return this.keyIs('errorCode', start) ? ERROR_CODE : OTHER_FIELD;
        case 11:
          if (first === 0x65 /* e */) return this.keyIs('eventSource', start) ? EVENT_SOURCE : OTHER_FIELD;
          if (first === 0x64 /* d */) return this.keyIs('detail-type', start) ? ENVELOPE_FIELD : OTHER_FIELD;
          return first === 0x6d /* m */ && this.keyIs('messageType', start) ? ENVELOPE_FIELD : OTHER_FIELD;
        case 12:
          return first === 0x75 /* u */ && this.keyIs('userIdentity', start) ? USER_IDENTITY : OTHER_FIELD;
        case 15:
          if (first === 0x73 /* s */) return this.keyIs('sourceIPAddress', start) ? SOURCE_IP_ADDRESS : OTHER_FIELD;
          return first === 0x64 /* d */ && this.keyIs('digestStartTime', start) ? ENVELOPE_FIELD : OTHER_FIELD;
        case 18:
          return first === 0x72 /* r */ && this.keyIs('recipientAccountId', start) ? RECIPIENT_ACCOUNT_ID : OTHER_FIELD;
        default:
          return OTHER_FIELD;
      }
    }
    if (level === IN_USER_IDENTITY) {
      switch (length) {
        case 3:
          return this.keyIs('arn', start) ? IDENTITY_ARN : OTHER_FIELD;
        case 4:
          return this.keyIs('type', start) ? IDENTITY_TYPE : OTHER_FIELD;
        case 8:
          return first === 0x75 /* u */ && this.keyIs('userName', start) ? IDENTITY_USER_NAME : OTHER_FIELD;
        case 9:
          if (first === 0x69 /* i */) return this.keyIs('invokedBy', start) ? IDENTITY_INVOKED_BY : OTHER_FIELD;
          return first === 0x61 /* a */ && this.keyIs('accountId', start) ? IDENTITY_ACCOUNT_ID : OTHER_FIELD;
        case 11:
          return first === 0x70 /* p */ && this.keyIs('principalId', start) ? IDENTITY_PRINCIPAL_ID : OTHER_FIELD;
        case 14:
          return first === 0x73 /* s */ && this.keyIs('sessionContext', start) ? SESSION_CONTEXT : OTHER_FIELD;
        default:
          return OTHER_FIELD;
      }
    }
    if (level === IN_SESSION_CONTEXT) {
      return length === 13 && first === 0x73 /* s */ && this.keyIs('sessionIssuer', start) ? SESSION_ISSUER : OTHER_FIELD;
    }
    return length === 3 && this.keyIs('arn', start) ? ISSUER_ARN : OTHER_FIELD;
  }

  /**
   * Whether `name` (ASCII) is at `start`, compared byte by byte with its characters.
   */
  private keyIs(name: string, start: number): boolean {
    const bytes = this.bytes;
    for (let i = 0; i < name.length; i++) if (bytes[start + i] !== name.charCodeAt(i)) return false;
    return true;
  }
}

/** The position after the escape sequence at `backslash`, or INVALID (JSON allows \" \\ \/ \b \f \n \r \t \uXXXX only). */
function escapeEnd(bytes: Uint8Array, backslash: number): number {
  switch (bytes[backslash + 1]) {
    case QUOTE:
    case BACKSLASH:
    case SLASH:
    case LOWER_B:
    case LOWER_F:
    case LOWER_N:
    case LOWER_R:
    case LOWER_T:
      return backslash + 2;
    case LOWER_U:
      return isHexDigit(bytes[backslash + 2] as number) &&
        isHexDigit(bytes[backslash + 3] as number) &&
        isHexDigit(bytes[backslash + 4] as number) &&
        isHexDigit(bytes[backslash + 5] as number)
        ? backslash + 6
        : INVALID;
    default:
      return INVALID;
  }
}

/** The slot of the escaped key `bytes[quote, close]`: decoded, then looked up by name. */
function escapedKeyField(bytes: Uint8Array, quote: number, close: number, level: number): number {
  const key = decodeEscapedString(bytes, quote, close);
  return key === undefined ? UNDECODABLE_KEY : projectedField(level, key);
}

/**
 * The value of the string literal `bytes[quote, close]` (quotes included) that contains escapes:
 * JSON.parse decodes it exactly as it would inside the record. Rare (escaped values of projected
 * fields), so simplicity wins over speed here. Undefined if it does not parse.
 */
function decodeEscapedString(bytes: Uint8Array, quote: number, close: number): string | undefined {
  try {
    const value: unknown = JSON.parse(asciiText(bytes, quote, close + 1));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
