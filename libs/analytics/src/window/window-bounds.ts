/**
 * Tumbling event-time windows (metrics.md "Windows"): aligned to multiples of the window length
 * since the Unix epoch, half-open [start, end).
 */

/**
 * Start of the window holding `eventTimeMs`. Floors towards minus infinity, so times before 1970
 * land in the window that contains them rather than the one after. The remainder form is exact
 * for every integer millisecond Date can hold, where `Math.floor(t / w) * w` can be off by one
 * window at the far ends of the range because the division rounds.
 */
export function windowStartMs(eventTimeMs: number, windowMs: number): number {
  return eventTimeMs - (((eventTimeMs % windowMs) + windowMs) % windowMs);
}
