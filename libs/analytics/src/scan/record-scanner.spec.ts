import fc from 'fast-check';
import { EVENT_TIME, FIELD_COUNT, IN_SESSION_CONTEXT, IN_SESSION_ISSUER, IN_USER_IDENTITY, PROJECTED_KEYS, projectedField, TOP_LEVEL, WALKED_OBJECT } from './projected-fields';
import { RecordScanner } from './record-scanner';

/** A record text with `key: "v"` placed in the object of `level`. */
function textWithKey(level: number, key: string): string {
  const member = `${JSON.stringify(key)}:"v"`;
  switch (level) {
    case TOP_LEVEL:
      return `{${member}}`;
    case IN_USER_IDENTITY:
      return `{"userIdentity":{${member}}}`;
    case IN_SESSION_CONTEXT:
      return `{"userIdentity":{"sessionContext":{${member}}}}`;
    default:
      return `{"userIdentity":{"sessionContext":{"sessionIssuer":{${member}}}}}`;
  }
}

/** The slots a scan of `text` sets, other than the objects walked on the way. */
function scannedSlots(text: string): number[] | undefined {
  const scanner = new RecordScanner();
  if (!scanner.scan(text, 0, text.length)) return undefined;
  return scanner.slots.flatMap((value, slot) => (value === undefined || value === WALKED_OBJECT ? [] : [slot]));
}

const LEVELS = [TOP_LEVEL, IN_USER_IDENTITY, IN_SESSION_CONTEXT, IN_SESSION_ISSUER];

describe('RecordScanner key matching agrees with projectedField', () => {
  const projected = LEVELS.flatMap((level) => (PROJECTED_KEYS[level] ?? []).map((key) => [level, key] as const));

  it.each(projected)('level %p: %p, plain and escaped', (level, key) => {
    const field = projectedField(level, key);
    const expected = field >= 0 ? [field] : undefined;
    expect(scannedSlots(textWithKey(level, key))).toEqual(expected);
    const escaped = textWithKey(level, key).replace(`"${key}"`, `"\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}"`);
    expect(scannedSlots(escaped)).toEqual(expected);
  });

  it.each(projected)('level %p: no near miss of %p is taken for it (each character changed)', (level, key) => {
    for (let i = 0; i < key.length; i++) {
      for (const replacement of ['x', key.charAt(i).toUpperCase() === key.charAt(i) ? key.charAt(i).toLowerCase() : key.charAt(i).toUpperCase()]) {
        const nearMiss = key.slice(0, i) + replacement + key.slice(i + 1);
        if (nearMiss === key) continue;
        const field = projectedField(level, nearMiss);
        expect({ nearMiss, slots: scannedSlots(textWithKey(level, nearMiss)) }).toEqual({ nearMiss, slots: field >= 0 ? [field] : field === -1 ? [] : undefined });
      }
    }
  });

  it('takes random keys for what projectedField says they are', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), fc.string({ maxLength: 20 }), (level, key) => {
        const field = projectedField(level, key);
        const slots = scannedSlots(textWithKey(level, key));
        if (field >= 0) expect(slots).toEqual([field]);
        else if (field === -1) expect(slots).toEqual([]);
        else expect(slots).toBeUndefined();
      }),
    );
  });
});

describe('RecordScanner.scan', () => {
  it('scans records of one text in any order and with any bounds', () => {
    // Prepare: the backslash cursor must not carry a wrong answer from one record to another.
    const records = ['{"a":"\\\\","eventTime":"x"}', '{"eventTime":"y"}', '{"b":"\\"q","eventTime":"z\\u0021"}'];
    const text = records.join('\n');
    const bounds = records.map((record) => [text.indexOf(record), text.indexOf(record) + record.length] as const);
    const scanner = new RecordScanner();
    // Act + Assess
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      for (const i of order) {
        const [start, end] = bounds[i] as readonly [number, number];
        expect(scanner.scan(text, start, end)).toBe(true);
        expect(scanner.slots[EVENT_TIME]).toBe((JSON.parse(records[i] as string) as { eventTime: string }).eventTime);
      }
    }
  });

  it('keeps one slot per projected field', () => {
    expect(new RecordScanner().slots).toHaveLength(FIELD_COUNT);
  });
});
