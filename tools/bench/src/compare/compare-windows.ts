// Do two candidates agree? Window by window, every built-in metric must be deep-equal; the
// first difference is reported with its path so a disagreement can be looked up directly.
import { type BaselineWindow } from '../baselines/baseline-window';

export type Agreement = { readonly agree: true; readonly windows: number } | { readonly agree: false; readonly difference: string };

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first path at which `expected` and `actual` differ (object key order ignored), or undefined. */
export function firstDifference(expected: unknown, actual: unknown, path = ''): string | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= expected.length || i >= actual.length) {
        return `${path}: length ${expected.length} vs ${actual.length} (first extra ${describe(i < expected.length ? expected[i] : actual[i])})`;
      }
      const difference = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const difference = firstDifference(expected[key], actual[key], `${path}.${key}`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : `${path}: ${describe(expected)} vs ${describe(actual)}`;
}

/** A window of any candidate reduced to the metrics every candidate computes (no anomalyScore, approximate, custom). */
function builtInView(window: BaselineWindow): BaselineWindow {
  const m = window.metrics;
  return {
    start: window.start,
    end: window.end,
    metrics: {
      totalCalls: m.totalCalls,
      callsByService: m.callsByService,
      callsByCategory: m.callsByCategory,
      topApiCalls: m.topApiCalls,
      topUsers: m.topUsers,
      topIps: m.topIps,
      maxCallsByIp: m.maxCallsByIp,
      ec2SuccessfulCalls: m.ec2SuccessfulCalls,
    },
  };
}

/** Compares `actual` against `expected` window by window on the built-in metrics. */
export function compareWindows(expected: readonly BaselineWindow[], actual: readonly BaselineWindow[]): Agreement {
  if (expected.length !== actual.length) {
    const firstMissing = firstDifference(expected.map((w) => w.start), actual.map((w) => w.start), 'windows');
    return { agree: false, difference: `${expected.length} vs ${actual.length} windows; ${firstMissing ?? ''}` };
  }
  for (let i = 0; i < expected.length; i++) {
    const want = builtInView(expected[i] as BaselineWindow);
    const got = builtInView(actual[i] as BaselineWindow);
    const difference = firstDifference(want, got, `windows[${i}] (${want.start})`);
    if (difference !== undefined) return { agree: false, difference };
  }
  return { agree: true, windows: expected.length };
}
