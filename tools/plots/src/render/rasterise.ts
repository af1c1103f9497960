// SVG to PNG with Chromium driven by playwright-core. playwright-core is loaded from
// node_modules at run time, not bundled by the workspace runner: it reads its own files
// (protocol definitions, injected scripts) relative to its package folder.
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type chromium } from 'playwright-core';

/** Chromium could not be started or could not render. */
export class RasteriseError extends Error {
  override readonly name = 'RasteriseError';
}

/**
 * Quiet, offline and reproducible: no GPU (software rendering is deterministic), no network
 * traffic of its own, no first-run or sync work. Playwright gives every launch a new, empty
 * user-data-dir of its own and removes it on close.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The part of playwright-core this tool uses (a type only: the module itself is loaded at run time). */
interface PlaywrightCore {
  readonly chromium: typeof chromium;
}

function loadPlaywright(workspaceRoot: string): PlaywrightCore {
  try {
    return createRequire(path.join(workspaceRoot, 'package.json'))('playwright-core') as PlaywrightCore;
  } catch (cause) {
    throw new RasteriseError('cannot load playwright-core (run npm install)', { cause });
  }
}

/** An HTML page holding only the SVG, at its size, on white. */
export function svgPage(svg: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head><body>${svg}</body></html>`;
}

export interface Rasteriser {
  /** The browser's product and version, e.g. "Chromium 150.0.7871.100". */
  readonly version: string;
  /** PNG bytes of `svg` drawn at `width` × `height` CSS pixels, one device pixel each. */
  png(svg: string, width: number, height: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startRasteriser(workspaceRoot: string, executablePath: string): Promise<Rasteriser> {
  const playwright = loadPlaywright(workspaceRoot);
  let browser: Browser;
  try {
    browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (cause) {
    throw new RasteriseError(`cannot start Chromium at ${executablePath}`, { cause });
  }
  return {
    version: `Chromium ${browser.version()}`,
    async png(svg, width, height) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      try {
        await page.setContent(svgPage(svg), { waitUntil: 'load' });
        return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, animations: 'disabled' });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
