import { SeededRandom } from './seeded-random';
import { TimeDecaySampler } from './time-decay-sampler';

const sampleIndices = (timeDecay: number): number[] => {
  const random = new SeededRandom(3);
  const sampler = new TimeDecaySampler(50, timeDecay);
  const points = Array.from({ length: 2000 }, (_, i) => Float64Array.of(i));
  points.forEach((p, i) => {
    const change = sampler.offer(p, i, random);
    if (change.evicted !== undefined) expect(change.accepted).toBe(true);
  });
  return sampler.heap.map((entry) => entry.point[0] as number);
};

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('TimeDecaySampler', () => {
  it('keeps at most its capacity, close to uniform over the stream when the decay is slow', () => {
    // Act
    const kept = sampleIndices(1e9);
    // Assess
    expect(kept).toHaveLength(50);
    expect(mean(kept)).toBeGreaterThan(700);
    expect(mean(kept)).toBeLessThan(1300);
  });

  it('favours recent points when the decay is fast', () => {
    // Act
    const kept = sampleIndices(100);
    // Assess
    expect(Math.min(...kept)).toBeGreaterThan(1500);
  });
});
