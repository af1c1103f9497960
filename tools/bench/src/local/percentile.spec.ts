import { percentile } from './percentile';

describe('percentile (nearest rank)', () => {
  it('returns a measured value: p50 and p99 of 1..100 are 50 and 99, p100 the maximum', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100), percentile(values, 0)]).toEqual([50, 99, 100, 1]);
  });

  it('refuses an empty list', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
  });
});
