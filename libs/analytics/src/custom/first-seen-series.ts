import { z } from 'zod';
import { type CustomAccumulator, type CustomSeries, type SeriesEmission } from './custom-metric';
import { FirstSeenAccumulator } from './first-seen-accumulator';
import { type MetricRuntime, sameMetricAccumulator } from './metric-runtime';
import { SeenSet } from './seen-set';
import { type FirstSeenSeriesSnapshot, firstSeenSeriesSnapshotSchema, seriesHeader } from './series-snapshot-schema';
import { type FirstSeenMeasure } from './series-measure-schema';
import { parseSnapshot } from './snapshot-schema';
import { CustomMetricStateError } from './state-error';
import { compareTuples, isTupleKey, tupleOf } from './tuple-key';

/** The window value of a firstSeen metric. */
export interface FirstSeenValue {
  /** Keys of this window never seen before in the series (0 while learning). */
  readonly count: number;
  /** The first `k` of them, each a tuple of the metric's fields, sorted field by field. */
  readonly keys: readonly (readonly string[])[];
  /** Keys the series remembers (an estimate once it is a Bloom filter). */
  readonly rememberedKeys: number;
  /** Present (true) during `learnFor`: keys are learned, not reported. */
  readonly learning?: true;
  /** Present (true) when the window had more distinct keys than it keeps (a sample was examined). */
  readonly approximate?: true;
}

const memoSchema = z.strictObject({
  count: z.int().nonnegative(),
  keys: z.array(z.string().refine(isTupleKey, 'a key is a JSON array of strings')),
  learning: z.boolean(),
});
type FirstSeenMemo = z.infer<typeof memoSchema>;

/**
 * The cross-window part of `measure: { firstSeen }`: the set of keys seen so far (SeenSet: exact,
 * then a Bloom filter), and the start of the series for `learnFor`. Set membership does not depend
 * on order, so every window is learned, also one that closes late: a key first seen late is simply
 * known from then on. A revision reports the keys of its first emission plus those only its late
 * records brought.
 */
export class FirstSeenSeries implements CustomSeries {
  private seen: SeenSet;
  private startMs: number | undefined;

  constructor(
    private readonly metric: MetricRuntime,
    private readonly measure: FirstSeenMeasure,
  ) {
    this.seen = new SeenSet(measure.capacity);
  }

  static restore(metric: MetricRuntime, measure: FirstSeenMeasure, state: unknown): FirstSeenSeries {
    const snapshot = parseSnapshot(metric.id, firstSeenSeriesSnapshotSchema, state, "this metric's series");
    const seen = SeenSet.fromState(measure.capacity, snapshot);
    if (seen === undefined) throw new CustomMetricStateError(metric.id, `the series snapshot's Bloom filter does not fit capacity ${measure.capacity}`);
    const series = new FirstSeenSeries(metric, measure);
    series.seen = seen;
    series.startMs = snapshot.startMs ?? undefined;
    return series;
  }

  emit(accumulator: CustomAccumulator, startMs: number, previousMemo: unknown): SeriesEmission {
    const window = sameMetricAccumulator(this.metric, accumulator, FirstSeenAccumulator);
    const previous = previousMemo === undefined ? undefined : this.parseMemo(previousMemo);
    this.startMs ??= startMs;
    const learning = previous?.learning ?? startMs < this.startMs + this.measure.learnFor * 1000;
    const fresh: string[] = [];
    for (const key of window.windowKeys()) {
      if (this.seen.has(key)) continue;
      if (!learning) fresh.push(key);
      this.seen.add(key);
    }
    const count = (previous?.count ?? 0) + fresh.length;
    const listed = [...(previous?.keys ?? []), ...fresh]
      .map((key) => ({ key, tuple: tupleOf(key) }))
      .sort((a, b) => compareTuples(a.tuple, b.tuple))
      .slice(0, this.measure.k);
    const value: FirstSeenValue = {
      count,
      keys: listed.map((entry) => entry.tuple),
      rememberedKeys: this.seen.size,
      ...(learning ? { learning: true as const } : {}),
      ...(window.isSampled ? { approximate: true as const } : {}),
    };
    const memo: FirstSeenMemo = { count, keys: listed.map((entry) => entry.key), learning };
    return { value, memo, scalar: learning ? undefined : count };
  }

  checkMemo(memo: unknown): void {
    this.parseMemo(memo);
  }

  snapshot(): FirstSeenSeriesSnapshot {
    return { ...seriesHeader(this.metric.id), measure: 'firstSeen', startMs: this.startMs ?? null, ...this.seen.state() };
  }

  private parseMemo(memo: unknown): FirstSeenMemo {
    const parsed = memoSchema.safeParse(memo);
    if (!parsed.success) throw new CustomMetricStateError(this.metric.id, `not a window memo of this firstSeen series:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
    return parsed.data;
  }
}
