import { NAB_PROFILES } from './profiles';
import { scaledSigmoid } from './sigmoid';
import { OUTSIDE_WINDOWS, sweepValues, windowOfRows } from './sweep';

describe('sweepValues', () => {
  const standard = NAB_PROFILES.standard;

  it('gives A_TP at a window\'s first row, less later in it, -A_FP before any window', () => {
    // Act
    const sweep = sweepValues(10, [{ first: 3, last: 6 }], standard);
    // Assess
    expect(sweep[0]).toBe(-0.11);
    expect(sweep[3]).toBeCloseTo(1, 15);
    expect(sweep[4]).toBeLessThan(sweep[3] ?? 0);
    expect(sweep[6]).toBeGreaterThan(0);
  });

  it('prices a false positive after a window by its distance from that window (SCORING.md §9 worked example)', () => {
    // Prepare: ec2_cpu_utilization_77c1ca, window rows 1765-2167, detection at row 2265
    const sweep = sweepValues(4032, [{ first: 1765, last: 2167 }], standard);
    // Act + Assess
    expect(sweep[2265]).toBeCloseTo(-0.059812, 6);
    expect(sweep[2265]).toBe(scaledSigmoid(98 / 402) * 0.11);
    expect(sweep[2168]).toBeGreaterThan(-0.11);
    expect(sweep[2167 + 3 * 402 + 1]).toBe(-0.11);
  });

  it('only counts the most recently finished window', () => {
    // Act
    const sweep = sweepValues(30, [{ first: 2, last: 3 }, { first: 10, last: 19 }], standard);
    // Assess: row 21 is 2 rows after the 10-row window, so a small penalty
    expect(sweep[21]).toBe(scaledSigmoid(2 / 9) * 0.11);
  });
});

describe('windowOfRows', () => {
  it('marks both ends of each window as inside it', () => {
    // Act
    const windowOf = windowOfRows(8, [{ first: 1, last: 2 }, { first: 5, last: 5 }]);
    // Assess
    expect([...windowOf]).toEqual([OUTSIDE_WINDOWS, 0, 0, OUTSIDE_WINDOWS, OUTSIDE_WINDOWS, 1, OUTSIDE_WINDOWS, OUTSIDE_WINDOWS]);
  });
});
