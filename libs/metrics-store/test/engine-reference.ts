/** The engine's own answer for a set of records: what every store result is compared against. */
import { type CompiledCustomMetric, createEngine, type WindowResult } from '@trailpulse/analytics';
import { type AcceptedRecord } from '@trailpulse/event-schema';

/** Windows of one engine run over `records` (flush), anomaly scores zeroed: the store scores nothing itself. */
export function engineWindows(records: readonly AcceptedRecord[], windowSeconds: number, customMetrics: readonly CompiledCustomMetric[] = []): WindowResult[] {
  const engine = createEngine({ windowSeconds, customMetrics });
  for (const record of records) engine.add(record);
  return engine.flush().map(withoutScore);
}

export function withoutScore(window: WindowResult): WindowResult {
  return { ...window, metrics: { ...window.metrics, anomalyScore: 0 } };
}

/** JSON round trip: compares what a client of the API would see, key order aside. */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
