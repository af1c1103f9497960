import { API_PATHS, metricsResponseSchema } from '@trailpulse/api-contract';
import { type StartedRuntime } from './runtime-process';
import { type TimeRangeMs } from './suite-state';

/** The runtime closes the last windows once its sources have been idle this long (3 s), plus a tick. */
const SETTLE_MS = 4_000;
const TIMEOUT_MS = 60_000;

/**
 * Waits until the API holds every replayed record in the range, then for the runtime's idle
 * flush, which closes (and scores) the last windows.
 */
export async function waitForReplay(runtime: StartedRuntime, range: TimeRangeMs, expectedCalls: number): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let seen = -1;
  while (Date.now() < deadline) {
    const url = `${runtime.url}${API_PATHS.metrics}?from=${range.fromMs}&to=${range.toMs}&window=60`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${runtime.token}` } });
    if (response.ok) {
      const body = metricsResponseSchema.parse(await response.json());
      seen = body.windows.reduce((sum, window) => sum + window.metrics.totalCalls, 0);
      if (seen === expectedCalls) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the runtime's API holds ${seen} API calls of the replay after ${TIMEOUT_MS / 1000} s; trailpulse analyze counts ${expectedCalls}`);
}
