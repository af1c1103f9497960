// Public API of @trailpulse/event-schema (browser-safe). Node-only readers: '@trailpulse/event-schema/node'.
export {};
