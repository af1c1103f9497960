import { type BenchSeries } from './bench-series';
import { RunningMeanBaseline } from './running-mean';
import { timeRawPasses, timeUpdatePasses, type Updatable } from './time-updates';

const SERIES: BenchSeries[] = [
  { file: 'c/a.csv', timestamps: [10, 20, 30], values: [1, 2, 3] },
  { file: 'c/b.csv', timestamps: [40, 50], values: [5, 7] },
];

/** A clock that moves `stepMs` every time it is read: the loop's decisions without real time. */
function steppingClock(stepMs: number): () => number {
  let now = 0;
  return () => {
    const reading = now;
    now += stepMs;
    return reading;
  };
}

/** Records every call, scoring each point by its value. */
class RecordingDetector implements Updatable {
  readonly calls: [number, number][] = [];
  update(timestampMs: number, value: number): number {
    this.calls.push([timestampMs, value]);
    return value;
  }
}

describe('timeUpdatePasses', () => {
  it('runs whole passes until the minimum time has passed, with a fresh detector per series', () => {
    // Prepare: the clock advances 0.4 ms per reading, so the third pass ends at 1.2 ms >= 1 ms.
    const created: RecordingDetector[] = [];
    const create = () => {
      const detector = new RecordingDetector();
      created.push(detector);
      return detector;
    };
    // Act
    const timing = timeUpdatePasses(create, SERIES, 1, steppingClock(0.4));
    // Assess
    expect(timing.passes).toBe(3);
    expect(timing.updates).toBe(15);
    expect(timing.elapsedMs).toBeCloseTo(1.2);
    expect(timing.checksum).toBe(3 * (1 + 2 + 3 + 5 + 7));
    expect(created).toHaveLength(6);
    expect(created.map((d) => d.calls)).toEqual([0, 1, 2].flatMap(() => [[[10, 1], [20, 2], [30, 3]], [[40, 5], [50, 7]]]));
  });

  it('always runs one pass, even with no minimum', () => {
    expect(timeUpdatePasses(() => new RunningMeanBaseline(), SERIES, 0, steppingClock(0))).toMatchObject({ passes: 1, updates: 5 });
  });
});

describe('timeRawPasses', () => {
  it('walks the same points in the same passes without a detector', () => {
    const timing = timeRawPasses(SERIES, 1, steppingClock(0.6));
    expect(timing).toMatchObject({ passes: 2, updates: 10 });
    expect(timing.checksum).toBe(2 * (1 + 2 + 3 + 5 + 7 + 10 + 20 + 30 + 40 + 50));
  });
});

describe('RunningMeanBaseline', () => {
  it('scores each point by its distance from the mean of the points so far, itself included', () => {
    const baseline = new RunningMeanBaseline();
    expect([2, 4, 9].map((value, i) => baseline.update(i, value))).toEqual([0, 1, 4]);
  });
});
