import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

/**
 * The suite needs Debian's Chromium: without it the e2e tests fail (never skip), saying how to
 * install it, so a CI image without the browser cannot pass unnoticed.
 */
export function requireChromium(path = CHROMIUM_PATH): void {
  try {
    accessSync(path, constants.X_OK);
  } catch (cause) {
    throw new ChromiumMissingError(
      `the dashboard e2e suite needs Chromium at ${path}, and it is missing or not executable. Install it with ` +
        '`apt-get install chromium fonts-liberation` (.ci/run does this through APT_PACKAGES), or point TRAILPULSE_CHROMIUM at a Chromium binary.',
      { cause },
    );
  }
}

/** Headless Chromium with everything that phones home or needs a GPU turned off. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
