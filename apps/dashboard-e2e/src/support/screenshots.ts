import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { ARTIFACTS_DIR, DOCS_IMAGES_DIR } from './paths';

/**
 * Saves what the viewport (1440×900) shows as test-output/dashboard-e2e/screenshots/<name>.png,
 * and as docs/images/dashboard/<name>.png when TRAILPULSE_E2E_UPDATE_DOCS=1 (the README's images:
 * refreshed on purpose, so a test run never leaves the tree changed).
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = join(ARTIFACTS_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  if (process.env['TRAILPULSE_E2E_UPDATE_DOCS'] === '1') {
    mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
    copyFileSync(path, join(DOCS_IMAGES_DIR, `${name}.png`));
  }
  return path;
}
