import { type WindowResult } from '@trailpulse/analytics';
import { type MetricsStore, type QueryWindowsInput } from '@trailpulse/metrics-store';

/** Every window of `input`'s range, following the store's pages (`nextFromMs`) to the end. */
export async function queryAllWindows(store: MetricsStore, input: QueryWindowsInput): Promise<WindowResult[]> {
  const windows: WindowResult[] = [];
  let fromMs = input.fromMs;
  for (;;) {
    const page = await store.queryWindows({ ...input, fromMs });
    windows.push(...page.windows);
    if (page.nextFromMs === undefined) return windows;
    fromMs = page.nextFromMs;
  }
}
