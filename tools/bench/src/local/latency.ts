// Which latencies the local bench reports, from what it sent and what the WebSocket announced.

/**
 * The runtime closes a window once the latest eventTime merged is this far past the window's end:
 * DEFAULT_CLOSE_LATENESS_MS of apps/local/src/runtime/window-closer.ts (the bench drives the runtime
 * from outside and cannot import it).
 */
export const RUNTIME_CLOSE_LATENESS_MS = 2_000;

export interface SentPost {
  /** Latest eventTime among the POST's records (epoch ms). */
  readonly maxEventMs: number;
  /** performance.now() when the POST started. */
  readonly startedAtMs: number;
}

/**
 * For each announced window: from the start of the first POST that let it close (a record at or past
 * its end plus the lateness) to its first WebSocket message. This is the delay the live feed adds:
 * what api.md promises ("when a window closes") and the "within 1 s of it closing".
 */
export function closeLatencies(posts: readonly SentPost[], firstSeenMs: ReadonlyMap<number, number>, windowMs: number, latenessMs = RUNTIME_CLOSE_LATENESS_MS): number[] {
  const latencies: number[] = [];
  for (const [startMs, seenAtMs] of firstSeenMs) {
    let closingStart = Number.POSITIVE_INFINITY;
    for (const post of posts) {
      if (post.maxEventMs >= startMs + windowMs + latenessMs && post.startedAtMs < closingStart) closingStart = post.startedAtMs;
    }
    if (Number.isFinite(closingStart)) latencies.push(seenAtMs - closingStart);
  }
  return latencies;
}

/** Progress of the store: how many API calls it held at a time (performance.now()). */
export interface MergedSample {
  readonly atMs: number;
  readonly calls: number;
}

/**
 * The merge rate once the run is under way: calls merged between the first probe that saw a quarter
 * of them and the first that saw three quarters, per second. Start-up (the first group waits for
 * its flush interval) and the drain after the last POST are left out; undefined when the probes
 * did not see both marks apart.
 */
export function steadyRate(samples: readonly MergedSample[], wanted: number): number | undefined {
  const from = samples.find((sample) => sample.calls >= wanted * 0.25);
  const to = samples.find((sample) => sample.calls >= wanted * 0.75);
  if (from === undefined || to === undefined || to.atMs <= from.atMs) return undefined;
  return ((to.calls - from.calls) / (to.atMs - from.atMs)) * 1000;
}
