/**
 * A projection scanner for the JSON text of one CloudTrail record: it reads the handful of fields
 * the built-in metrics need (./projected-fields.ts) and skips every other value without building
 * it, while still checking that the whole text is valid JSON. JSON.parse must allocate every
 * object, key and string of the record; this allocates only the projected values, and is measured
 * at about twice JSON.parse's speed on generated CloudTrail records (~1 KB).
 *
 * Contract: `scan` returns true only when the text is one JSON object that JSON.parse would accept
 * and that is a record rather than a delivery format; the slots then hold exactly the values
 * JSON.parse would give those fields (for duplicate keys the last one wins, as in JSON.parse).
 * On anything unusual (invalid JSON, an envelope, nesting deeper than it tracks) it returns false
 * and the caller takes the general path (JSON.parse), so correctness never depends on the scanner
 * handling a rare case.
 *
 * ./byte-record-scanner.ts is this scanner ported to UTF-8 bytes (plain-ASCII NDJSON is scanned
 * without decoding it): a change to the walk or the key dispatch here is made there too, and
 * byte-record-scanner.spec.ts, which runs both on the shared corpora and on generated and mangled
 * records, fails while they disagree.
 *
 * One thing it does NOT check, for speed: raw control characters (U+0000..U+001F) inside strings,
 * which JSON.parse rejects. Callers guarantee their absence: the NDJSON reader by one word-at-a-time
 * pass over the bytes (./control-bytes.ts), `scanCallFacts` by a check of the text.
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

/** Returned by the position-returning helpers when the text is not valid JSON there. */
const INVALID = -1;
/** A key whose escapes do not decode (the field numbers of projected-fields.ts are all other values). */
const UNDECODABLE_KEY = -3;

/**
 * Nesting tracked by skipValue: one bit per level in a 31-bit int (object = 1, array = 0). Real
 * records nest a dozen levels at most; deeper texts go to the general path.
 */
const MAX_SKIP_DEPTH = 30;

export class RecordScanner {
  /** The projected values: a string, number, boolean, null, WALKED_OBJECT or a SKIPPED_* stand-in; undefined = absent. */
  readonly slots: unknown[] = new Array<unknown>(FIELD_COUNT).fill(undefined);

  private text = '';
  private end = 0;
  /**
   * The first backslash at or after `backslashSearchedFrom` (text.length when none). Kept across
   * records of the same text, so a chunk without escapes is searched for a backslash once, not
   * once per string or per record.
   */
  private nextBackslash = 0;
  private backslashSearchedFrom = Number.POSITIVE_INFINITY;
  /** Whether the string just delimited by stringEnd contains escapes. */
  private escaped = false;

  /**
   * Scans `text[start, end)`, which must hold the record with no whitespace around it. True when
   * it is a valid JSON object and not a delivery format; the slots then hold its projected fields.
   * Scanning the records of one text in increasing order of `start` is fastest (the backslash
   * cursor then only moves forward); any order is correct.
   */
  scan(text: string, start: number, end: number): boolean {
    if (text !== this.text) {
      this.text = text;
      this.backslashSearchedFrom = Number.POSITIVE_INFINITY;
    }
    this.end = end;
    this.slots.fill(undefined);
    if (text.charCodeAt(start) !== OPEN_BRACE) return false;
    const after = this.walkObject(start, TOP_LEVEL);
    return after === end;
  }

  /**
   * Walks the object at `start` (its `{`), storing the projected fields of `level`; returns the
   * position after its `}`, or INVALID (also for an envelope key at the top level).
   */
  private walkObject(start: number, level: number): number {
    const text = this.text;
    let pos = this.skipWhitespace(start + 1);
    if (text.charCodeAt(pos) === CLOSE_BRACE) return pos + 1;
    for (;;) {
      if (text.charCodeAt(pos) !== QUOTE) return INVALID;
      const keyEnd = this.stringEnd(pos + 1);
      if (keyEnd === INVALID) return INVALID;
      const field = this.escaped ? escapedKeyField(this.text, pos, keyEnd, level) : this.keyField(pos + 1, keyEnd, level);
      if (field === ENVELOPE_FIELD || field === UNDECODABLE_KEY) return INVALID;
      pos = this.skipWhitespace(keyEnd + 1);
      if (text.charCodeAt(pos) !== COLON) return INVALID;
      pos = this.skipWhitespace(pos + 1);
      pos = field === OTHER_FIELD ? this.skipValue(pos) : this.readField(pos, field);
      if (pos === INVALID) return INVALID;
      pos = this.skipWhitespace(pos);
      const next = text.charCodeAt(pos);
      if (next === CLOSE_BRACE) return pos + 1;
      if (next !== COMMA) return INVALID;
      pos = this.skipWhitespace(pos + 1);
    }
  }

  /** Reads the value at `pos` into `field`'s slot; descends into the objects the projection looks inside. */
  private readField(pos: number, field: number): number {
    const slots = this.slots;
    const first = this.text.charCodeAt(pos);
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
      // A slice costs next to nothing; the values that outlive the record are copied later (see StringInterner).
      const value = this.escaped ? decodeEscapedString(this.text, pos, close) : this.text.slice(pos + 1, close);
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
    if (numberEnd !== INVALID) slots[field] = Number(this.text.slice(pos, numberEnd));
    return numberEnd;
  }

  /**
   * Skips (and validates) the value at `pos`; returns the position after it. Objects and arrays
   * are walked iteratively with the open containers as bits of one int, so skipping allocates
   * nothing; strings are skipped with native indexOf.
   */
  private skipValue(start: number): number {
    const text = this.text;
    let pos = start;
    let depth = 0;
    /** Bit i set = the container at depth i + 1 is an object. */
    let containers = 0;
    for (;;) {
      // A value starts at pos.
      let code = text.charCodeAt(pos);
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (depth === MAX_SKIP_DEPTH) return INVALID;
        const isObject = code === OPEN_BRACE;
        depth++;
        containers = (containers << 1) | (isObject ? 1 : 0);
        pos = this.skipWhitespace(pos + 1);
        code = text.charCodeAt(pos);
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
        code = text.charCodeAt(pos);
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
    if (this.text.charCodeAt(pos) !== QUOTE) return INVALID;
    const keyEnd = this.stringEnd(pos + 1);
    if (keyEnd === INVALID) return INVALID;
    const colon = this.skipWhitespace(keyEnd + 1);
    if (this.text.charCodeAt(colon) !== COLON) return INVALID;
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
   * Why indexOf: String.prototype.indexOf of one character is a native memchr-style search, many
   * times faster than a charCodeAt loop. Escapes are found the same way with a second cursor.
   */
  private stringEnd(from: number): number {
    const text = this.text;
    this.escaped = false;
    let pos = from;
    for (;;) {
      const quote = text.indexOf('"', pos);
      if (quote === -1 || quote >= this.end) return INVALID;
      let backslash = this.nextBackslash;
      if (backslash < pos || pos < this.backslashSearchedFrom) {
        backslash = text.indexOf('\\', pos);
        if (backslash === -1) backslash = text.length;
        this.nextBackslash = backslash;
        this.backslashSearchedFrom = pos;
      }
      if (backslash > quote) return quote;
      this.escaped = true;
      pos = escapeEnd(text, backslash);
      if (pos === INVALID) return INVALID;
    }
  }

  /**
   * The position after `literal` (true, false, null) at `pos`, whose first character the caller
   * has matched, or INVALID. A few charCodeAt comparisons: startsWith is a slower call for this.
   */
  private literalEnd(pos: number, literal: string): number {
    const text = this.text;
    for (let i = 1; i < literal.length; i++) if (text.charCodeAt(pos + i) !== literal.charCodeAt(i)) return INVALID;
    return pos + literal.length;
  }

  /** The position after the JSON number at `pos` (RFC 8259 grammar: no leading zeros, no bare dot), or INVALID. */
  private numberEnd(start: number): number {
    const text = this.text;
    let pos = start;
    let code = text.charCodeAt(pos);
    if (code === MINUS) code = text.charCodeAt(++pos);
    if (code === DIGIT_0) {
      code = text.charCodeAt(++pos);
    } else if (code >= DIGIT_1 && code <= DIGIT_9) {
      do code = text.charCodeAt(++pos);
      while (isDigit(code));
    } else {
      return INVALID;
    }
    if (code === DOT) {
      code = text.charCodeAt(++pos);
      if (!isDigit(code)) return INVALID;
      do code = text.charCodeAt(++pos);
      while (isDigit(code));
    }
    if (code === LOWER_E || code === UPPER_E) {
      code = text.charCodeAt(++pos);
      if (code === PLUS || code === MINUS) code = text.charCodeAt(++pos);
      if (!isDigit(code)) return INVALID;
      do code = text.charCodeAt(++pos);
      while (isDigit(code));
    }
    return pos;
  }

  private skipWhitespace(start: number): number {
    const text = this.text;
    let pos = start;
    for (;;) {
      const code = text.charCodeAt(pos);
      // Fast exit first: compact JSON has no whitespace at all.
      if (code > SPACE) return pos;
      if (code !== SPACE && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) return pos;
      pos++;
    }
  }

  /**
   * The slot of the plain key `text[start, end)`. Dispatches on length and first character, so most
   * keys are told apart without a comparison; a candidate is then confirmed in full. Agrees with
   * projectedField (a unit test checks every projected key and near misses).
   */
  private keyField(start: number, end: number, level: number): number {
    const length = end - start;
    const first = this.text.charCodeAt(start);
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
   * Whether `name` is at `start`, compared character by character. Why not slice and ===: as fast
   * (measured) but a small string allocated per key, about 570 bytes per record on the local
   * runtime's ingest thread, where young-generation collections are a fifth of its time.
   */
  private keyIs(name: string, start: number): boolean {
    const text = this.text;
    for (let i = 0; i < name.length; i++) if (text.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
    return true;
  }
}

/** The position after the escape sequence at `backslash`, or INVALID (JSON allows \" \\ \/ \b \f \n \r \t \uXXXX only). */
function escapeEnd(text: string, backslash: number): number {
  switch (text.charCodeAt(backslash + 1)) {
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
      return isHexDigit(text.charCodeAt(backslash + 2)) &&
        isHexDigit(text.charCodeAt(backslash + 3)) &&
        isHexDigit(text.charCodeAt(backslash + 4)) &&
        isHexDigit(text.charCodeAt(backslash + 5))
        ? backslash + 6
        : INVALID;
    default:
      return INVALID;
  }
}

/** The slot of the escaped key `text[quote, close]`: decoded, then looked up by name. */
function escapedKeyField(text: string, quote: number, close: number, level: number): number {
  const key = decodeEscapedString(text, quote, close);
  return key === undefined ? UNDECODABLE_KEY : projectedField(level, key);
}

/**
 * The value of the string literal `text[quote, close]` (quotes included) that contains escapes:
 * JSON.parse decodes it exactly as it would inside the record. Rare (escaped values of projected
 * fields), so simplicity wins over speed here. Undefined if it does not parse.
 */
function decodeEscapedString(text: string, quote: number, close: number): string | undefined {
  try {
    const value: unknown = JSON.parse(text.slice(quote, close + 1));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
