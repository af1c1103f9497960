/**
 * A minimal custom metric for exercising the engine's plumbing (the real ones are compiled from
 * definitions elsewhere): counts every record it is offered by eventType, plus failed API calls.
 */
import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CompiledCustomMetric, type CustomAccumulator } from '../src/custom/custom-metric';
import { type CallFacts } from '../src/facts/call-facts';

interface CountingState {
  byEventType: Record<string, number>;
  failedCalls: number;
}

class CountingAccumulator implements CustomAccumulator {
  constructor(private readonly state: CountingState = { byEventType: {}, failedCalls: 0 }) {}

  add(_record: CloudTrailLikeRecord, facts: CallFacts): void {
    this.state.byEventType[facts.eventType] = (this.state.byEventType[facts.eventType] ?? 0) + 1;
    if (facts.isApiCall && !facts.successful) this.state.failedCalls++;
  }

  merge(other: CustomAccumulator): void {
    const otherState = other.snapshot() as CountingState;
    for (const [eventType, count] of Object.entries(otherState.byEventType)) {
      this.state.byEventType[eventType] = (this.state.byEventType[eventType] ?? 0) + count;
    }
    this.state.failedCalls += otherState.failedCalls;
  }

  snapshot(): CountingState {
    const byEventType = Object.fromEntries(Object.entries(this.state.byEventType).sort(([a], [b]) => (a < b ? -1 : 1)));
    return { byEventType, failedCalls: this.state.failedCalls };
  }

  result(): CountingState {
    return this.snapshot();
  }
}

export function countingMetric(id = 'counting', windowSeconds?: number): CompiledCustomMetric {
  return {
    id,
    windowSeconds,
    createAccumulator: () => new CountingAccumulator(),
    restoreAccumulator: (state) => new CountingAccumulator(structuredClone(state) as CountingState),
  };
}
