import { DEFAULT_DETECTOR, type DetectorFactory, findDetector } from '@trailpulse/anomaly';
import { type CompiledCustomMetric } from '../custom/custom-metric';
import { DEFAULT_SKETCH_CAPACITY } from '../sketch';
import { assertWindowSeconds, WindowLengthError } from '../window';
import { EngineOptionsError } from './engine-errors';

/** metrics.md: top-K lists are "at most K long (default K = 10)". */
export const DEFAULT_TOP_K = 10;
/**
 * How long a closed window keeps its state to take late records, in event time past its end:
 * CloudTrail delivers most events within about 5 minutes, and its documentation promises no
 * bound, so 15 minutes catches the usual stragglers while holding only a few windows.
 */
export const DEFAULT_REVISION_HORIZON_MS = 15 * 60_000;

/** Where "now" comes from; injected so streaming can run on virtual time. */
export interface Clock {
  now(): number;
}

export interface EngineOptions {
  /** Tumbling window length, 10 s to 3600 s. */
  readonly windowSeconds: number;
  /** Length of every top-K list (default {@link DEFAULT_TOP_K}). */
  readonly topK?: number;
  /** Counters per top-K sketch: lists stay exact up to this many distinct keys per window (default {@link DEFAULT_SKETCH_CAPACITY}). */
  readonly sketchCapacity?: number;
  readonly customMetrics?: readonly CompiledCustomMetric[];
  /**
   * Scores `anomalyScore` (default: @trailpulse/anomaly's DEFAULT_DETECTOR, the one `trailpulse nab`
   * reports as `default`, chosen by cross-validation in docs/anomaly.md).
   */
  readonly detector?: DetectorFactory;
  /** Processing time for {@link Engine.tick} (default: Date.now). */
  readonly clock?: Clock;
  /** A window first closes when the watermark reaches its end plus this (default 0). */
  readonly allowedLatenessMs?: number;
  /**
   * After its first close, a window keeps its state until the watermark passes its end plus the
   * allowed lateness plus this; records arriving for it until then revise it (default
   * {@link DEFAULT_REVISION_HORIZON_MS}).
   */
  readonly revisionHorizonMs?: number;
}

export interface ResolvedEngineOptions {
  readonly windowSeconds: number;
  readonly windowMs: number;
  readonly topK: number;
  readonly sketchCapacity: number;
  readonly customMetrics: readonly CompiledCustomMetric[];
  readonly detector: DetectorFactory;
  readonly clock: Clock;
  readonly allowedLatenessMs: number;
  readonly revisionHorizonMs: number;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * Defaults filled in and every option checked.
 * @throws EngineOptionsError naming the option and the accepted range.
 */
export function resolveEngineOptions(options: EngineOptions): ResolvedEngineOptions {
  const { windowSeconds } = options;
  try {
    assertWindowSeconds(windowSeconds);
  } catch (error) {
    if (error instanceof WindowLengthError) throw new EngineOptionsError(error.message, { cause: error });
    throw error;
  }
  const topK = options.topK ?? DEFAULT_TOP_K;
  const sketchCapacity = options.sketchCapacity ?? DEFAULT_SKETCH_CAPACITY;
  const allowedLatenessMs = options.allowedLatenessMs ?? 0;
  const revisionHorizonMs = options.revisionHorizonMs ?? DEFAULT_REVISION_HORIZON_MS;
  assertPositiveInteger('topK', topK);
  assertPositiveInteger('sketchCapacity', sketchCapacity);
  if (topK > sketchCapacity) {
    throw new EngineOptionsError(`topK (${topK}) cannot exceed sketchCapacity (${sketchCapacity}): the sketch tracks no more keys than that`);
  }
  assertDuration('allowedLatenessMs', allowedLatenessMs);
  assertDuration('revisionHorizonMs', revisionHorizonMs);
  const customMetrics = options.customMetrics ?? [];
  assertCustomMetricsFit(customMetrics, windowSeconds);
  return {
    windowSeconds,
    windowMs: windowSeconds * 1000,
    topK,
    sketchCapacity,
    customMetrics,
    detector: options.detector ?? findDetector(DEFAULT_DETECTOR).factory(),
    clock: options.clock ?? systemClock,
    allowedLatenessMs,
    revisionHorizonMs,
  };
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new EngineOptionsError(`${name} must be a positive integer, got ${value}`);
}

function assertDuration(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new EngineOptionsError(`${name} must be a finite number of milliseconds >= 0, got ${value}`);
}

/**
 * One engine computes every metric on its own windows. A custom metric asking for another window
 * length needs an engine of that length: computing it on these windows would silently answer a
 * different question.
 */
function assertCustomMetricsFit(customMetrics: readonly CompiledCustomMetric[], windowSeconds: number): void {
  const ids = new Set<string>();
  for (const metric of customMetrics) {
    if (ids.has(metric.id)) throw new EngineOptionsError(`custom metric id "${metric.id}" is defined twice`);
    ids.add(metric.id);
    if (metric.windowSeconds !== undefined && metric.windowSeconds !== windowSeconds) {
      throw new EngineOptionsError(
        `custom metric "${metric.id}" asks for ${metric.windowSeconds} s windows but this engine runs ${windowSeconds} s windows; run one engine per window length`,
      );
    }
  }
}
