import fc from 'fast-check';
import { StringInterner } from './string-interner';

describe('StringInterner', () => {
  it('returns an equal string, and the same object for a value seen before (without collisions)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 80 }), (value, padding) => {
        const interner = new StringInterner();
        // A slice, as the scanner hands over.
        const text = `${padding}${value}${padding}`;
        const slice = text.slice(padding.length, padding.length + value.length);
        const first = interner.intern(slice);
        expect(first).toBe(value);
        expect(interner.intern(text.slice(padding.length, padding.length + value.length))).toBe(first);
      }),
    );
  });

  it('stays correct when values collide in a tiny table', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }), (values) => {
        const interner = new StringInterner(1);
        for (const value of values) expect(interner.intern(value)).toBe(value);
      }),
    );
  });
});
