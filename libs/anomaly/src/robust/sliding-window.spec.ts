import fc from 'fast-check';
import { SlidingWindow } from './sliding-window';

const medianBySorting = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 === 1 ? (sorted[n >> 1] as number) : ((sorted[(n >> 1) - 1] as number) + (sorted[n >> 1] as number)) / 2;
};

describe('SlidingWindow', () => {
  it('gives the median and MAD of its last values, as sorting them would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 40 }), (values, capacity) => {
        // Prepare
        const window = new SlidingWindow(capacity);
        values.forEach((value, i) => {
          // Act
          window.push(value);
          // Assess
          const last = values.slice(Math.max(0, i + 1 - capacity), i + 1);
          const median = medianBySorting(last);
          expect(window.median()).toBe(median);
          expect(window.medianAbsoluteDeviation()).toBe(medianBySorting(last.map((v) => Math.abs(v - median))));
        });
        expect(window.values).toEqual(values.slice(-capacity));
      }),
    );
  });

  it('counts the values within a closed range, as filtering them would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -25, max: 25 }), fc.nat(10), (values, capacity, low, width) => {
        // Prepare
        const window = new SlidingWindow(capacity);
        // Act
        for (const value of values) window.push(value);
        // Assess
        const kept = values.slice(-capacity);
        expect(window.countBetween(low, low + width)).toBe(kept.filter((v) => v >= low && v <= low + width).length);
        expect(window.min()).toBe(kept.length === 0 ? Number.NaN : Math.min(...kept));
        expect(window.max()).toBe(kept.length === 0 ? Number.NaN : Math.max(...kept));
      }),
    );
  });

  it('starts from given values, oldest first', () => {
    // Act
    const window = new SlidingWindow(3, [5, 1, 3]);
    window.push(10);
    // Assess
    expect(window.values).toEqual([1, 3, 10]);
    expect(window.median()).toBe(3);
    expect(window.medianAbsoluteDeviation()).toBe(2);
  });
});
