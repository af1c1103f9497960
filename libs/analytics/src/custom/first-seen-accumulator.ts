import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CallFacts } from '../facts/call-facts';
import { type CustomAccumulator } from './custom-metric';
import { MAX_FIRST_SEEN_WINDOW_KEYS } from './limits';
import { type MetricRuntime, sameMetricAccumulator } from './metric-runtime';
import { type FirstSeenSnapshot, firstSeenSnapshotSchema, parseSnapshot, snapshotHeader } from './snapshot-schema';
import { CustomMetricStateError } from './state-error';
import { hashString } from './string-hash';
import { isTupleKey, type TupleKeyReader } from './tuple-key';

const SAMPLE_SEED = 0x1b873593;

/** A key's place in the bottom-k order: by hash, then by text (so ties cannot depend on arrival order). */
function rank(key: string): number {
  return hashString(key, SAMPLE_SEED);
}

function before(a: string, rankA: number, b: string, rankB: number): boolean {
  return rankA < rankB || (rankA === rankB && a < b);
}

/**
 * Per-window part of `measure: { firstSeen }`: the window's distinct tuple keys. Beyond
 * MAX_FIRST_SEEN_WINDOW_KEYS, the keys with the smallest hashes are kept (a bottom-k sample), which
 * is the same set whatever the split and merge order, so merging stays equal to a single pass; the
 * window is then `sampled` and its value approximate. Which keys are new is the series' business
 * (first-seen-series.ts), in the engine.
 */
export class FirstSeenAccumulator implements CustomAccumulator {
  private keys = new Set<string>();
  /** Once sampled, keys ranking after this one can never be among the kept ones. */
  private cutoff: { readonly key: string; readonly rank: number } | undefined;
  private sampled = false;

  constructor(
    readonly metric: MetricRuntime,
    private readonly readKey: TupleKeyReader,
  ) {}

  static restore(metric: MetricRuntime, readKey: TupleKeyReader, state: unknown): FirstSeenAccumulator {
    const snapshot = parseSnapshot(metric.id, firstSeenSnapshotSchema, state);
    if (snapshot.keys.length > MAX_FIRST_SEEN_WINDOW_KEYS) {
      throw new CustomMetricStateError(metric.id, `the snapshot holds ${snapshot.keys.length} keys, more than ${MAX_FIRST_SEEN_WINDOW_KEYS}`);
    }
    if (!snapshot.keys.every(isTupleKey)) throw new CustomMetricStateError(metric.id, 'the snapshot holds a key that is not a JSON array of strings');
    const accumulator = new FirstSeenAccumulator(metric, readKey);
    for (const key of snapshot.keys) accumulator.offer(key);
    accumulator.sampled = snapshot.sampled;
    return accumulator;
  }

  add(record: CloudTrailLikeRecord, facts: CallFacts): void {
    if (!this.metric.matches(record, facts)) return;
    const key = this.readKey(record, facts);
    if (key !== undefined) this.offer(key);
  }

  merge(other: CustomAccumulator): void {
    const that = sameMetricAccumulator(this.metric, other, FirstSeenAccumulator);
    for (const key of that.windowKeys()) this.offer(key);
    if (that.sampled) this.sampled = true;
    this.prune(MAX_FIRST_SEEN_WINDOW_KEYS);
  }

  snapshot(): FirstSeenSnapshot {
    return { ...snapshotHeader(this.metric.id), measure: 'firstSeen', keys: this.windowKeys(), sampled: this.sampled };
  }

  /** The window on its own (the engine shows the series' view instead): how many distinct keys it had. */
  result(): { distinct: number; sampled: boolean } {
    return { distinct: this.windowKeys().length, sampled: this.sampled };
  }

  /** The window's keys, sorted (at most MAX_FIRST_SEEN_WINDOW_KEYS). */
  windowKeys(): string[] {
    this.prune(MAX_FIRST_SEEN_WINDOW_KEYS);
    return [...this.keys].sort();
  }

  /** True when the window had more distinct keys than it keeps. */
  get isSampled(): boolean {
    this.prune(MAX_FIRST_SEEN_WINDOW_KEYS);
    return this.sampled;
  }

  private offer(key: string): void {
    if (this.keys.has(key)) return;
    if (this.cutoff !== undefined && !before(key, rank(key), this.cutoff.key, this.cutoff.rank)) return;
    this.keys.add(key);
    // Pruning in batches keeps adding amortized O(log n) per key.
    if (this.keys.size >= 2 * MAX_FIRST_SEEN_WINDOW_KEYS) this.prune(MAX_FIRST_SEEN_WINDOW_KEYS);
  }

  /** Keeps the `limit` keys first in rank order. */
  private prune(limit: number): void {
    if (this.keys.size <= limit) return;
    const ranked = [...this.keys].map((key) => ({ key, rank: rank(key) }));
    ranked.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const kept = ranked.slice(0, limit);
    this.keys = new Set(kept.map((entry) => entry.key));
    const last = kept[kept.length - 1] as { key: string; rank: number };
    // Keys ranking after the last kept one would be pruned again: refuse them at the door.
    this.cutoff = { key: last.key, rank: last.rank };
    this.sampled = true;
  }
}
