import { ingestResultSchema } from './ingest';

describe('ingestResultSchema', () => {
  it('accepts counts whose reasons add up to rejected', () => {
    const result = { accepted: 3, rejected: 3, rejectReasons: { 'invalid-json': 2, 'missing-eventTime': 1 } };

    expect(ingestResultSchema.parse(result)).toEqual(result);
  });

  it.each([
    ['reasons that do not add up', { accepted: 0, rejected: 2, rejectReasons: { 'invalid-json': 1 } }],
    ['a reason outside the spec', { accepted: 0, rejected: 1, rejectReasons: { 'bad-vibes': 1 } }],
    ['a fractional count', { accepted: 0.5, rejected: 0, rejectReasons: {} }],
  ])('refuses %s', (_, result) => {
    expect(ingestResultSchema.safeParse(result).success).toBe(false);
  });
});
