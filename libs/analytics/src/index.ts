// Public API of @trailpulse/analytics: the one metrics engine of the CLI, the local runtime and the
// Lambda. Browser-safe; the multi-core file analysis is Node-only: '@trailpulse/analytics/node'.
export * from './facts/call-facts';
export * from './output/metrics-output';
export { eventCountsOf } from './output/event-counts';
export * from './engine';
export * from './custom';
export * from './scan';
