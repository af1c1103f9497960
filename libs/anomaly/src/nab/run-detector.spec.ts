import fc from 'fast-check';
import { ewmaZScore } from '../simple';
import { runDetector } from './run-detector';
import { toUnitInterval } from './unit-score';

describe('runDetector', () => {
  it('scores every row in order, unbounded scores mapped into [0, 1) without changing their order', () => {
    // Prepare
    const values = [...Array.from({ length: 30 }, (_, i) => 10 + (i % 3)), 500];
    const series = { file: 'c/a.csv', timestampTexts: [], timestamps: values.map((_, i) => i * 60_000), values };
    const direct = ewmaZScore().create();
    // Act
    const result = runDetector(ewmaZScore(), 'unbounded', series);
    // Assess
    expect(result.anomalyScores).toEqual(values.map((v, i) => toUnitInterval(direct.update(i * 60_000, v))));
    expect(result.anomalyScores.every((s) => s >= 0 && s < 1)).toBe(true);
  });
});

describe('toUnitInterval', () => {
  it('keeps the order of scores and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1e12, noNaN: true }), (a, b) => {
        // Act + Assess
        if (a <= b) expect(toUnitInterval(a)).toBeLessThanOrEqual(toUnitInterval(b));
        expect(toUnitInterval(Math.max(a, b))).toBeLessThan(1);
      }),
    );
  });

  it('keeps z-scores 0.001 apart distinct up to 1000, unlike 1 - exp(-s), which reaches 1 from s = 37', () => {
    // Prepare
    const scores = Array.from({ length: 1000 }, (_, i) => i + 0.001);
    // Act + Assess
    for (const s of scores) expect(toUnitInterval(s)).toBeLessThan(toUnitInterval(s + 0.001));
    expect(1 - Math.exp(-38)).toBe(1);
  });
});
