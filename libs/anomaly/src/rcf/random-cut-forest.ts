import { type AnomalyDetector, type DetectorFactory, type DetectorState, DetectorStateError } from '../detector';
import { decodeForest, encodeForest, type ForestParts, type ForestStateData } from './forest-state';
import { RandomCutTree } from './random-cut-tree';
import { SeededRandom } from './seeded-random';
import { TimeDecaySampler } from './time-decay-sampler';

/** The name the detector's snapshots are tagged with. */
export const RANDOM_CUT_FOREST_DETECTOR = 'random-cut-forest';
const STATE_VERSION = 1;

export interface RandomCutForestOptions {
  /** Trees whose displacements are averaged. Default 100 (Kinesis Data Analytics RANDOM_CUT_FOREST). */
  readonly trees?: number;
  /** Points sampled per tree. Default 256 (Kinesis). */
  readonly sampleSize?: number;
  /**
   * Consecutive values per point (shingling, Guha et al. 2016 §6). Default 1: of 1, 4 and 20, 1 scored
   * best on NAB's AWS files, and larger shingles cost more per dimension (docs/anomaly.md).
   */
  readonly shingleSize?: number;
  /** Points over which a sample's weights grow by a factor e. Default 100000 (Kinesis). */
  readonly timeDecay?: number;
  /** Seed of the random cuts and samples: equal seeds give equal scores. Default 1. */
  readonly seed?: number;
}

export const RANDOM_CUT_FOREST_DEFAULTS: Required<RandomCutForestOptions> = { trees: 100, sampleSize: 256, shingleSize: 1, timeDecay: 100_000, seed: 1 };

/**
 * A streaming robust random cut forest (Guha et al. 2016). Each point — the last `shingleSize` values —
 * is scored by its collusive displacement (§3), averaged over the trees, BEFORE it is offered to each
 * tree's time-decayed sample (§5), so a score never depends on the point itself having been learned.
 * Scores are 0 until the first full shingle has a tree to be compared with.
 *
 * State size: the snapshot holds every distinct sampled point once (at most trees × sampleSize points
 * of shingleSize numbers), each sampler's keys and each tree's cuts. With the defaults that is up to
 * 25,600 points, 25,600 keys and 25,500 cuts: roughly 1 MB of JSON, far above the "few KB" the
 * AnomalyDetector contract aims at. It is a reference detector for the NAB comparison, not one to
 * snapshot per Lambda invocation.
 */
export function randomCutForest(options: RandomCutForestOptions = {}): DetectorFactory {
  const settings = { ...RANDOM_CUT_FOREST_DEFAULTS, ...options };
  for (const key of ['trees', 'sampleSize', 'shingleSize'] as const) {
    if (!Number.isSafeInteger(settings[key]) || settings[key] < 1) throw new RangeError(`random-cut-forest ${key} must be a positive integer, got ${settings[key]}`);
  }
  if (!(settings.timeDecay > 0)) throw new RangeError(`random-cut-forest timeDecay must be positive, got ${settings.timeDecay}`);
  if (!Number.isSafeInteger(settings.seed)) throw new RangeError(`random-cut-forest seed must be an integer, got ${settings.seed}`);
  const fresh = (): ForestParts => ({
    trees: Array.from({ length: settings.trees }, () => new RandomCutTree()),
    samplers: Array.from({ length: settings.trees }, () => new TimeDecaySampler(settings.sampleSize, settings.timeDecay)),
  });
  return {
    name: RANDOM_CUT_FOREST_DETECTOR,
    create: () => new RandomCutForestDetector(settings, fresh(), { seen: 0, recent: [], random: new SeededRandom(settings.seed) }),
    restore: (state) => {
      const data = readForestState(state, settings);
      const parts = decodeForest(data, settings.shingleSize, settings.sampleSize, settings.timeDecay);
      return new RandomCutForestDetector(settings, parts, { seen: data.seen, recent: [...data.recent], random: new SeededRandom(data.random) });
    },
  };
}

interface StreamPosition {
  readonly seen: number;
  readonly recent: number[];
  readonly random: SeededRandom;
}

class RandomCutForestDetector implements AnomalyDetector {
  private seen: number;
  private readonly recent: number[];
  private readonly random: SeededRandom;

  constructor(
    private readonly settings: Required<RandomCutForestOptions>,
    private readonly parts: ForestParts,
    position: StreamPosition,
  ) {
    ({ seen: this.seen, recent: this.recent, random: this.random } = position);
  }

  update(_timestampMs: number, value: number): number {
    if (!Number.isFinite(value)) throw new RangeError(`random-cut-forest can only score finite values, got ${value}`);
    this.recent.push(value);
    if (this.recent.length < this.settings.shingleSize) return 0;
    const point = Float64Array.from(this.recent);
    this.recent.shift();
    const score = this.score(point);
    this.learn(point);
    return score;
  }

  snapshot(): DetectorState {
    const data: ForestStateData = { seen: this.seen, recent: [...this.recent], random: this.random.seed, ...encodeForest(this.parts) };
    return { detector: RANDOM_CUT_FOREST_DETECTOR, version: STATE_VERSION, data };
  }

  /** Mean CoDisp over the trees (Guha et al. 2016, §3: the forest averages the trees' displacements). */
  private score(point: Float64Array): number {
    let total = 0;
    for (const tree of this.parts.trees) total += tree.displacementIfInserted(point, this.random);
    return total / this.parts.trees.length;
  }

  private learn(point: Float64Array): void {
    this.parts.trees.forEach((tree, t) => {
      const change = (this.parts.samplers[t] as TimeDecaySampler).offer(point, this.seen, this.random);
      if (change.evicted !== undefined) tree.delete(change.evicted);
      if (change.accepted) tree.insert(point, this.random);
    });
    this.seen++;
  }
}

function readForestState(state: DetectorState, settings: Required<RandomCutForestOptions>): ForestStateData {
  if (state.detector !== RANDOM_CUT_FOREST_DETECTOR) {
    throw new DetectorStateError(`state was written by detector "${state.detector}", not "${RANDOM_CUT_FOREST_DETECTOR}"`);
  }
  if (state.version !== STATE_VERSION) {
    throw new DetectorStateError(`${RANDOM_CUT_FOREST_DETECTOR} state version ${state.version} is not supported (expected ${STATE_VERSION})`);
  }
  const data = state.data as Partial<Record<keyof ForestStateData, unknown>> | null;
  const valid =
    Number.isSafeInteger(data?.seen) &&
    (data?.seen as number) >= 0 &&
    Array.isArray(data?.recent) &&
    data.recent.length < settings.shingleSize &&
    data.recent.every(Number.isFinite) &&
    Number.isSafeInteger(data.random) &&
    Array.isArray(data.points) &&
    data.points.every((point) => Array.isArray(point)) &&
    Array.isArray(data.trees) &&
    data.trees.length === settings.trees &&
    data.trees.every(isTreeState);
  if (!valid) throw new DetectorStateError(`${RANDOM_CUT_FOREST_DETECTOR} state does not match ${settings.trees} trees and shingle size ${settings.shingleSize}`);
  return data as ForestStateData;
}

function isTreeState(tree: unknown): boolean {
  const candidate = tree as { sample?: unknown; nodes?: unknown } | null;
  return (
    Array.isArray(candidate?.sample) &&
    candidate.sample.every((entry) => Array.isArray(entry) && entry.length === 2 && entry.every(Number.isFinite)) &&
    Array.isArray(candidate.nodes) &&
    candidate.nodes.every(Number.isFinite)
  );
}
