import fc from 'fast-check';
import { NO_DETECTION_THRESHOLD, optimizeThreshold } from './optimize-threshold';
import { NAB_PROFILES, PROFILE_NAMES } from './profiles';
import { scoreFile } from './score-file';
import { sweepFile, type SweptFile } from './swept-file';

const minute = 60_000;

/** A small random corpus: files of 20-60 rows with 0-2 windows and coarse scores (so ties happen). */
const corpusArbitrary = fc.array(
  fc
    .record({ rows: fc.integer({ min: 20, max: 60 }), cuts: fc.uniqueArray(fc.integer({ min: 3, max: 59 }), { maxLength: 4 }), seed: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 60, maxLength: 60 }) })
    .map(({ rows, cuts, seed }) => {
      const edges = cuts.filter((c) => c < rows).sort((a, b) => a - b);
      const windows = [];
      for (let k = 0; k + 1 < edges.length; k += 2) windows.push({ start: (edges[k] ?? 0) * minute, end: (edges[k + 1] ?? 0) * minute });
      const timestamps = Array.from({ length: rows }, (_, i) => i * minute);
      return { timestamps, windows, anomalyScores: timestamps.map((_, i) => (seed[i] ?? 0) / 10) };
    }),
  { minLength: 1, maxLength: 4 },
);

describe('optimizeThreshold', () => {
  it('finds the best total over every candidate threshold, the highest one on ties (brute force)', () => {
    fc.assert(
      fc.property(corpusArbitrary, fc.constantFrom(...PROFILE_NAMES), (files, profileName) => {
        // Prepare
        const profile = NAB_PROFILES[profileName];
        const swept: SweptFile[] = files.map((file, i) => sweepFile({ file: `c/${i}.csv`, ...file }, profile));
        const total = (threshold: number) => swept.reduce((sum, file) => sum + scoreFile(file, threshold, profile).score, 0);
        const candidates = [NO_DETECTION_THRESHOLD, ...new Set(swept.flatMap((f) => f.anomalyScores.slice(f.probation)))].sort((a, b) => b - a);
        // Act
        const best = optimizeThreshold(swept, profile);
        // Assess
        const bestTotal = Math.max(...candidates.map(total));
        expect(best.rawScore).toBeCloseTo(bestTotal, 9);
        expect(total(best.threshold)).toBeCloseTo(bestTotal, 9);
        expect(best.threshold).toBe(candidates.find((t) => total(t) > bestTotal - 1e-9));
      }),
      { numRuns: 200 },
    );
  });
});
