// The timed loops. Whole passes over every series until the minimum work is done, so each
// series weighs in the mean as it does in the corpus, and a fresh detector per series as the
// engine starts one per metric series.
import { type BenchSeries, totalPoints } from './bench-series';

/**
 * Milliseconds from a clock that never goes back: the child passes the process's CPU time, so time
 * the machine gave to other processes is not counted; injected so tests need no timing.
 */
export type Clock = () => number;

/** What the loop calls: the AnomalyDetector's update(), nothing else. */
export interface Updatable {
  update(timestampMs: number, value: number): number;
}

export interface UpdateTiming {
  readonly updates: number;
  readonly passes: number;
  readonly elapsedMs: number;
  /**
   * Sum of every returned score (or value, for the raw loop). Kept and reported so the compiler
   * cannot drop the work; NaN or Infinity means a detector broke its "finite, >= 0" contract.
   */
  readonly checksum: number;
}

/** Runs `create()` fresh per series and update() on every point, in whole passes, until `minMs` of `now` have passed. */
export function timeUpdatePasses(create: () => Updatable, series: readonly BenchSeries[], minMs: number, now: Clock): UpdateTiming {
  const pointsPerPass = totalPoints(series);
  let passes = 0;
  let checksum = 0;
  const started = now();
  let elapsedMs: number;
  do {
    for (const { timestamps, values } of series) {
      const detector = create();
      for (let i = 0; i < values.length; i++) checksum += detector.update(timestamps[i] as number, values[i] as number);
    }
    passes++;
    elapsedMs = now() - started;
  } while (elapsedMs < minMs);
  return { updates: passes * pointsPerPass, passes, elapsedMs, checksum };
}

/** The same passes with no detector: the cost of walking the points, the floor under any update(). */
export function timeRawPasses(series: readonly BenchSeries[], minMs: number, now: Clock): UpdateTiming {
  const pointsPerPass = totalPoints(series);
  let passes = 0;
  let checksum = 0;
  const started = now();
  let elapsedMs: number;
  do {
    for (const { timestamps, values } of series) {
      for (let i = 0; i < values.length; i++) checksum += (values[i] as number) + (timestamps[i] as number);
    }
    passes++;
    elapsedMs = now() - started;
  } while (elapsedMs < minMs);
  return { updates: passes * pointsPerPass, passes, elapsedMs, checksum };
}
