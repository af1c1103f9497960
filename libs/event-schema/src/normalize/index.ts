// Hot-path helpers that read a raw CloudTrail record (plain parsed JSON) without Zod and
// without throwing. Their meanings follow the metric contract (metrics.md).
export type { RawCloudTrailRecord } from './raw-record';
export * from './identity-key';
export * from './service-name';
export * from './region-account';
export * from './event-type';
export * from './error-class';
export * from './event-time';
// Event-name normalization is owned by the catalog (it must agree with the catalog's operation
// names); re-exported here so every normalization helper has one import path. Taken from the
// dependency-free module rather than classify.ts so importing these helpers does not load the catalog.
export { normalizeEventName } from '../catalog/normalize-event-name';
