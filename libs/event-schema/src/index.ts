// Public API of @trailpulse/event-schema. Everything here is browser-safe (no Node APIs, no AWS
// SDK): it runs in Lambda, Node and the dashboard. File, directory, gzip and stdin readers are
// Node-only and live behind the separate entry point '@trailpulse/event-schema/node'.
export * from './schema';
export * from './normalize';
export * from './catalog';
export * from './reader';
