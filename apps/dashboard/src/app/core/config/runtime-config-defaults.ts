import { type RuntimeConfig } from './runtime-config';

/**
 * The config without a config.json: the local runtime on the page's own origin. Equal to
 * `parseRuntimeConfig({})` (runtime-config.spec.ts checks it), kept apart so that the first
 * script does not need the validator.
 */
export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = {
  apiBaseUrl: '',
  auth: { mode: 'local-token' },
  windowSeconds: [10, 60],
  anomalyThreshold: 0.49,
  pollIntervalSeconds: 15,
};
