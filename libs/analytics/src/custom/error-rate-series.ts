import { z } from 'zod';
import { lnBetaBinomialUpperTail } from './beta-binomial';
import { type CustomAccumulator, type CustomSeries, type SeriesEmission } from './custom-metric';
import { ErrorRateAccumulator, type ErrorRateWindow, type KeyErrorCounts } from './error-rate-accumulator';
import { type MetricRuntime, sameMetricAccumulator } from './metric-runtime';
import { type ErrorRateSeriesSnapshot, errorRateSeriesSnapshotSchema, seriesHeader } from './series-snapshot-schema';
import { type ErrorRateMeasure } from './series-measure-schema';
import { parseSnapshot } from './snapshot-schema';
import { CustomMetricStateError } from './state-error';

/**
 * A key's error rate starts from the prior Beta(PRIOR_CALLS x priorRate, PRIOR_CALLS x (1 - priorRate)):
 * `priorRate` worth 10 calls, so a key's own history outweighs it after a few windows. The prior is
 * fixed rather than learned from all keys: a learned one would let one principal's burst raise
 * everybody's expected rate for a day and hide the next burst.
 */
export const PRIOR_CALLS = 10;

/** One key's spike in one window. */
export interface ErrorRateSpike {
  readonly key: string;
  readonly calls: number;
  readonly errors: number;
  /** errors / calls in this window. */
  readonly rate: number;
  /** The error rate expected of this key before the window: its baseline and the prior. */
  readonly baseline: number;
  /** -log10 P(at least this many errors | calls, baseline), 2 decimals. */
  readonly score: number;
}

/** The window value of an errorRate metric. */
export interface ErrorRateValue {
  readonly calls: number;
  readonly errors: number;
  readonly spikes: readonly ErrorRateSpike[];
  /** Keys with a baseline after this window. */
  readonly trackedKeys: number;
  /** Present (true) when the window had more keys than `capacity`: counts are then upper bounds. */
  readonly approximate?: true;
}

/** Decayed sums of one key (or all): calls and errors, as of `atMs`. */
class Baseline {
  constructor(
    public calls: number,
    public errors: number,
    public atMs: number,
  ) {}

  /** Calls and errors as weighed at `atMs` (no change when atMs is not later). */
  decayedTo(atMs: number, halfLifeMs: number): { calls: number; errors: number } {
    const factor = atMs > this.atMs ? 2 ** (-(atMs - this.atMs) / halfLifeMs) : 1;
    return { calls: this.calls * factor, errors: this.errors * factor };
  }

  learn(atMs: number, halfLifeMs: number, calls: number, errors: number): void {
    const decayed = this.decayedTo(atMs, halfLifeMs);
    this.calls = decayed.calls + calls;
    this.errors = decayed.errors + errors;
    this.atMs = Math.max(atMs, this.atMs);
  }
}

const spikeSchema = z.strictObject({
  key: z.string(),
  calls: z.int().positive(),
  errors: z.int().positive(),
  rate: z.number().min(0).max(1),
  baseline: z.number().min(0).max(1),
  score: z.number().nonnegative().finite(),
});
const memoSchema = z.array(spikeSchema);

/**
 * The cross-window part of `measure: { errorRate }`: per key, exponentially decayed sums of calls and
 * errors (O(1) per key, at most `trackedKeys` keys: the least active are forgotten), and the score of
 * a window's errors against them.
 *
 * Score: a key's error rate is uncertain, so it is modelled as Beta(a, b) with a = its decayed
 * errors + PRIOR_CALLS x priorRate and b = its decayed successes + PRIOR_CALLS x (1 - priorRate);
 * the window's errors among its calls are then beta-binomial, and the score is -log10 P(X >= errors),
 * 0 when errors do not exceed the expected number (tests pin the figures for new keys).
 *
 * Order: a window newer than every learned one is scored and then learned. Any other (closed late)
 * is scored against the baselines as they are, not learned. A revision keeps its first spikes and
 * adds keys whose spikes only the late records made (scored against the baselines as they are).
 */
export class ErrorRateSeries implements CustomSeries {
  private readonly baselines = new Map<string, Baseline>();
  private lastLearnedStartMs = -Infinity;
  private readonly halfLifeMs: number;

  constructor(
    private readonly metric: MetricRuntime,
    private readonly measure: ErrorRateMeasure,
  ) {
    this.halfLifeMs = measure.halfLife * 1000;
  }

  static restore(metric: MetricRuntime, measure: ErrorRateMeasure, state: unknown): ErrorRateSeries {
    const snapshot = parseSnapshot(metric.id, errorRateSeriesSnapshotSchema, state, "this metric's series");
    const series = new ErrorRateSeries(metric, measure);
    if (snapshot.keys.length > measure.trackedKeys) {
      throw new CustomMetricStateError(metric.id, `the series snapshot tracks ${snapshot.keys.length} keys, more than trackedKeys ${measure.trackedKeys}`);
    }
    snapshot.keys.forEach((key, i) => {
      const calls = snapshot.calls[i] as number;
      const errors = snapshot.errors[i] as number;
      if (errors > calls * (1 + 1e-9)) throw new CustomMetricStateError(metric.id, `the series snapshot gives key ${JSON.stringify(key)} more errors than calls`);
      series.baselines.set(key, new Baseline(calls, errors, snapshot.atMs[i] as number));
    });
    series.lastLearnedStartMs = snapshot.lastLearnedStartMs ?? -Infinity;
    return series;
  }

  emit(accumulator: CustomAccumulator, startMs: number, previousMemo: unknown): SeriesEmission {
    const window = sameMetricAccumulator(this.metric, accumulator, ErrorRateAccumulator).window();
    const previous = previousMemo === undefined ? undefined : this.parseMemo(previousMemo);
    const scored = this.spikes(window.keys, startMs).filter((spike) => !previous?.some((earlier) => earlier.key === spike.key));
    const spikes = [...(previous ?? []), ...scored].sort(bySpikeOrder).slice(0, this.measure.k);
    if (previous === undefined && startMs > this.lastLearnedStartMs) this.learn(window, startMs);
    const value: ErrorRateValue = {
      calls: window.calls,
      errors: window.errors,
      spikes,
      trackedKeys: this.baselines.size,
      ...(window.approximate ? { approximate: true as const } : {}),
    };
    return { value, memo: spikes, scalar: window.errors };
  }

  checkMemo(memo: unknown): void {
    this.parseMemo(memo);
  }

  snapshot(): ErrorRateSeriesSnapshot {
    const keys = [...this.baselines.keys()].sort();
    const baselines = keys.map((key) => this.baselines.get(key) as Baseline);
    return {
      ...seriesHeader(this.metric.id),
      measure: 'errorRate',
      lastLearnedStartMs: Number.isFinite(this.lastLearnedStartMs) ? this.lastLearnedStartMs : null,
      keys,
      calls: baselines.map((b) => b.calls),
      errors: baselines.map((b) => b.errors),
      atMs: baselines.map((b) => b.atMs),
    };
  }

  /** Keys whose errors score at least minScore against their baseline at `startMs`. */
  private spikes(keys: readonly KeyErrorCounts[], startMs: number): ErrorRateSpike[] {
    const { priorRate } = this.measure;
    const spikes: ErrorRateSpike[] = [];
    for (const { key, calls, errors } of keys) {
      if (errors === 0) continue;
      const history = this.baselines.get(key)?.decayedTo(startMs, this.halfLifeMs) ?? { calls: 0, errors: 0 };
      const alpha = history.errors + PRIOR_CALLS * priorRate;
      const beta = Math.max(0, history.calls - history.errors) + PRIOR_CALLS * (1 - priorRate);
      const baseline = alpha / (alpha + beta);
      const score = errors > calls * baseline ? -lnBetaBinomialUpperTail(errors, calls, alpha, beta) / Math.LN10 : 0;
      if (score < this.measure.minScore) continue;
      spikes.push({ key, calls, errors, rate: round(errors / calls, 4), baseline: round(baseline, 4), score: round(score, 2) });
    }
    return spikes;
  }

  private learn(window: ErrorRateWindow, startMs: number): void {
    this.lastLearnedStartMs = startMs;
    for (const { key, calls, errors } of window.keys) {
      const baseline = this.baselines.get(key);
      if (baseline === undefined) this.baselines.set(key, new Baseline(calls, errors, startMs));
      else baseline.learn(startMs, this.halfLifeMs, calls, errors);
    }
    this.evictBeyondCapacity(startMs);
  }

  /** Forgets the least active keys (fewest decayed calls, then longest unseen, then key order) beyond trackedKeys. */
  private evictBeyondCapacity(nowMs: number): void {
    const excess = this.baselines.size - this.measure.trackedKeys;
    if (excess <= 0) return;
    const ranked = [...this.baselines].map(([key, baseline]) => ({ key, calls: baseline.decayedTo(nowMs, this.halfLifeMs).calls, atMs: baseline.atMs }));
    ranked.sort((a, b) => a.calls - b.calls || a.atMs - b.atMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key } of ranked.slice(0, excess)) this.baselines.delete(key);
  }

  private parseMemo(memo: unknown): ErrorRateSpike[] {
    const parsed = memoSchema.safeParse(memo);
    if (!parsed.success) throw new CustomMetricStateError(this.metric.id, `not a window memo of this errorRate series:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
    return parsed.data;
  }
}

/** Highest score first, then most errors, then key (UTF-16 order). */
function bySpikeOrder(a: ErrorRateSpike, b: ErrorRateSpike): number {
  return b.score - a.score || b.errors - a.errors || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
