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
