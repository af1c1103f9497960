/** Paths of the workspace the integration tests run: its commands and example files. */
import * as path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const TRAILPULSE_CLI = path.join(WORKSPACE_ROOT, 'apps', 'cli', 'bin', 'trailpulse.cjs');
export const LOCAL_RUNTIME_BIN = path.join(WORKSPACE_ROOT, 'apps', 'local', 'bin', 'trailpulse-local.cjs');
/** The custom metrics `npm start` seeds by default (some of them the runtime skips: errorRate, firstSeen, anomaly). */
export const SECURITY_BASELINE_METRICS = path.join(WORKSPACE_ROOT, 'examples', 'custom-metrics', 'security-baseline.yaml');
/** Wide enough for every corpus record (2015 to 2026) and every generated one (2024), narrow enough to scan by hour. */
export const ALL_TIME = { fromMs: Date.parse('2010-01-01T00:00:00Z'), toMs: Date.parse('2030-01-01T00:00:00Z') } as const;
