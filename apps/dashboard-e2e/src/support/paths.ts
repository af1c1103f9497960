import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (apps/dashboard-e2e/src/support -> ../../../..). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Debian's Chromium: the only browser the suite drives (no Playwright browser download). */
export const CHROMIUM_PATH = process.env['TRAILPULSE_CHROMIUM'] ?? '/usr/bin/chromium';

export const DASHBOARD_DIST = join(REPO_ROOT, 'dist', 'apps', 'dashboard', 'browser');
export const DASHBOARD_SOURCES = [join(REPO_ROOT, 'apps', 'dashboard', 'src'), join(REPO_ROOT, 'apps', 'dashboard', 'public'), join(REPO_ROOT, 'libs', 'api-contract', 'src')];

export const LOCAL_RUNTIME_BIN = join(REPO_ROOT, 'apps', 'local', 'bin', 'trailpulse-local.cjs');
export const CLI_BIN = join(REPO_ROOT, 'apps', 'cli', 'bin', 'trailpulse.cjs');
export const CUSTOM_METRICS_FILE = join(REPO_ROOT, 'examples', 'custom-metrics', 'security-baseline.yaml');

/** Where the run leaves what a person may want to look at: screenshots, the runtime's log. */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-output', 'dashboard-e2e');
/** The README's screenshots; refreshed only on request (TRAILPULSE_E2E_UPDATE_DOCS=1), so a test run never dirties the tree. */
export const DOCS_IMAGES_DIR = join(REPO_ROOT, 'docs', 'images', 'dashboard');

/** The shared CloudTrail corpora: $TRAILPULSE_SHARED_DATA, else ../shared/data beside the repository. */
export function sharedDataDir(): string {
  const candidates = [process.env['TRAILPULSE_SHARED_DATA'], join(REPO_ROOT, '..', 'shared', 'data')].filter((dir): dir is string => dir !== undefined && dir !== '');
  const found = candidates.find((dir) => existsSync(join(dir, 'cloudtrail')));
  if (found === undefined) throw new Error(`the shared CloudTrail data is missing: looked in ${candidates.join(', ')} (set TRAILPULSE_SHARED_DATA)`);
  return found;
}
