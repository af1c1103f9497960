import { Prng } from './prng';
import { ZipfSampler } from './zipf';

describe('Prng', () => {
  it('repeats its sequence for a seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
  });

  it('draws integers in range and UUIDs in the usual layout', () => {
    const prng = new Prng(1);
    for (let i = 0; i < 1000; i++) expect(prng.nextInt(7)).toBeLessThan(7);
    expect(prng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('ZipfSampler', () => {
  it('favours low ranks in Zipf proportion', () => {
    const zipf = new ZipfSampler(100, 1);
    const prng = new Prng(5);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const rank = zipf.sample(prng);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    const first = counts[0] ?? 0;
    // P(rank 1) / P(rank 2) is 2 for exponent 1.
    expect(first / (counts[1] ?? 1)).toBeGreaterThan(1.8);
    expect(first / (counts[1] ?? 1)).toBeLessThan(2.2);
    expect(counts.every((count) => count > 0)).toBe(true);
  });
});
