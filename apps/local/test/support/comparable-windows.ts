/**
 * Windows of the runtime and of `trailpulse analyze` in one comparable shape: every metric but
 * anomalyScore, and only the custom metrics the runtime computes.
 *
 * Why anomalyScore is left out: `analyze` scores each window in one pass over exactly the files it
 * was given, while the runtime scores a window once, when the closer closes it, against everything
 * that series has seen in that data dir (other sources, earlier runs, the warm-up history after a
 * restart), and keeps that first score when late records revise the window (api.md "Live"). The two
 * series agree only by accident; each is tested where it is computed (the closer's spec, the engine's).
 */
export interface ComparableWindow {
  readonly start: string;
  readonly end: string;
  readonly metrics: Readonly<Record<string, unknown>>;
}

export function comparable(windows: readonly ComparableWindow[], customIds: readonly string[] = []): ComparableWindow[] {
  return windows.map((window) => {
    const { anomalyScore: _score, custom, ...metrics } = window.metrics;
    const kept: Record<string, unknown> = { ...metrics };
    if (customIds.length > 0) {
      const all = (custom ?? {}) as Readonly<Record<string, unknown>>;
      kept['custom'] = Object.fromEntries(customIds.map((id) => [id, all[id]]));
    }
    return { start: window.start, end: window.end, metrics: kept };
  });
}
