import { type DetectorFactory, type DetectorState } from '@trailpulse/anomaly';
import { withAnomalyScore } from '../custom/anomaly-value';
import { type CompiledCustomMetric, type CustomAccumulator, type CustomSeries } from '../custom/custom-metric';
import { AnomalyScorer } from './anomaly-scorer';
import { EngineStateError } from './engine-errors';

/** What the engine keeps with a window for its next emission: the series' memo and the first anomaly score. */
export interface CustomWindowMemo {
  readonly series?: unknown;
  readonly anomalyScore?: number;
}

/** A runner's state in the engine snapshot. */
export interface CustomSeriesSnapshot {
  /** The metric's own series (errorRate, firstSeen), its snapshot. */
  readonly series?: unknown;
  /** The anomaly detector's series, when the metric asks for an anomaly score. */
  readonly detector?: DetectorState;
  readonly lastScoredStartMs?: number | null;
}

/**
 * The cross-window work of one custom metric, in the engine: the metric's own series (errorRate
 * baselines, firstSeen sets) and its anomaly detector, fed in event-time order as windows are
 * emitted. Revisions get the memo of their previous emission: the series decides what they show,
 * and the anomaly score is the first one, as for totalCalls (AnomalyScorer's rule).
 */
export class CustomSeriesRunner {
  private constructor(
    private readonly metric: CompiledCustomMetric,
    private readonly series: CustomSeries | undefined,
    private readonly scorer: AnomalyScorer | undefined,
  ) {}

  /** A runner for `metric`, or undefined when the metric is per-window only (no series, no anomaly score). */
  static create(metric: CompiledCustomMetric, detector: DetectorFactory): CustomSeriesRunner | undefined {
    const series = metric.createSeries?.();
    const scorer = metric.anomaly === true ? AnomalyScorer.create(detector) : undefined;
    return series === undefined && scorer === undefined ? undefined : new CustomSeriesRunner(metric, series, scorer);
  }

  /**
   * A runner resumed from `state`; a fresh one when there is no state (the metric is newer than the snapshot).
   * @throws EngineStateError naming the metric when the state cannot be restored.
   */
  static restore(metric: CompiledCustomMetric, detector: DetectorFactory, state: CustomSeriesSnapshot | undefined): CustomSeriesRunner | undefined {
    const fresh = CustomSeriesRunner.create(metric, detector);
    if (fresh === undefined || state === undefined) return fresh;
    try {
      const series = fresh.series === undefined || state.series === undefined ? fresh.series : (metric.restoreSeries as (state: unknown) => CustomSeries)(state.series);
      const scorer =
        fresh.scorer === undefined || state.detector === undefined ? fresh.scorer : AnomalyScorer.restore(detector, state.detector, state.lastScoredStartMs ?? null);
      return new CustomSeriesRunner(metric, series, scorer);
    } catch (error) {
      throw new EngineStateError(`engine snapshot series of custom metric "${metric.id}" cannot be restored`, { cause: error });
    }
  }

  /** The window's value (with `anomalyScore` when asked for) and what to remember for its next emission. */
  emit(accumulator: CustomAccumulator, startMs: number, previous: CustomWindowMemo | undefined): { value: unknown; memo: CustomWindowMemo } {
    let value: unknown;
    let scalar: number | undefined;
    let seriesMemo: unknown;
    if (this.series === undefined) {
      value = accumulator.result();
      scalar = this.metric.scalar?.(value) ?? 0;
    } else {
      ({ value, memo: seriesMemo, scalar } = this.series.emit(accumulator, startMs, previous?.series));
    }
    const memo: CustomWindowMemo = seriesMemo === undefined ? {} : { series: seriesMemo };
    if (this.scorer === undefined) return { value, memo };
    // Warm-up windows (no scalar) are no point of the series: score 0, nothing learned.
    const anomalyScore = previous?.anomalyScore ?? (scalar === undefined ? 0 : this.scorer.score(startMs, scalar));
    return { value: withAnomalyScore(value, anomalyScore), memo: { ...memo, anomalyScore } };
  }

  /** @throws EngineStateError when `memo` is not one this runner writes. */
  checkMemo(memo: unknown): CustomWindowMemo {
    if (typeof memo !== 'object' || memo === null || Array.isArray(memo)) throw new EngineStateError(`custom metric "${this.metric.id}": a window memo must be an object`);
    const { series, anomalyScore, ...rest } = memo as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw new EngineStateError(`custom metric "${this.metric.id}": unknown window memo keys ${Object.keys(rest).join(', ')}`);
    if (anomalyScore !== undefined && !(typeof anomalyScore === 'number' && Number.isFinite(anomalyScore) && anomalyScore >= 0)) {
      throw new EngineStateError(`custom metric "${this.metric.id}": window memo anomalyScore ${String(anomalyScore)} is not a finite number >= 0`);
    }
    if (series !== undefined) {
      try {
        this.series?.checkMemo(series);
      } catch (error) {
        throw new EngineStateError(`custom metric "${this.metric.id}": invalid window memo`, { cause: error });
      }
    }
    return memo as CustomWindowMemo;
  }

  snapshot(): CustomSeriesSnapshot {
    return {
      ...(this.series === undefined ? {} : { series: this.series.snapshot() }),
      ...(this.scorer === undefined ? {} : { detector: this.scorer.detectorState, lastScoredStartMs: this.scorer.lastScoredStart }),
    };
  }
}
