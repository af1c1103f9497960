#!/usr/bin/env node
// Fails when the dashboard's initial JavaScript exceeds the budget of 350 kB gzip.
// Angular budgets count raw bytes only, so this gzips every script index.html loads eagerly
// (<script src> and <link rel="modulepreload">) at level 9, the way a CDN or server would.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 350 * 1000;
const here = dirname(fileURLToPath(import.meta.url));
const browserDir = resolve(here, '../../../dist/apps/dashboard/browser');
const indexPath = join(browserDir, 'index.html');

if (!existsSync(indexPath)) {
  console.error(`check-bundle-size: ${indexPath} not found; run "ng build" in apps/dashboard first.`);
  process.exit(2);
}

const html = readFileSync(indexPath, 'utf8');
const eagerScripts = new Set();
for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) eagerScripts.add(match[1]);
for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) eagerScripts.add(match[1]);

let rawTotal = 0;
let gzipTotal = 0;
for (const file of [...eagerScripts].sort()) {
  const bytes = readFileSync(join(browserDir, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzipTotal += gzipped;
  console.log(`  ${file.padEnd(32)} ${kb(bytes.length).padStart(10)} raw ${kb(gzipped).padStart(10)} gzip`);
}
console.log(`initial JS: ${eagerScripts.size} files, ${kb(rawTotal)} raw, ${kb(gzipTotal)} gzip (budget ${kb(BUDGET_BYTES)} gzip)`);
// For context (not budgeted): every chunk, lazy ones included (routes, auth flows, echarts).
let allGzip = 0;
for (const file of readdirSync(browserDir).filter((name) => name.endsWith('.js'))) allGzip += gzipSync(readFileSync(join(browserDir, file)), { level: 9 }).length;
console.log(`all JS, lazy chunks included: ${kb(allGzip)} gzip`);
if (eagerScripts.size === 0) {
  console.error('check-bundle-size: index.html loads no script; the build output is not what this check expects.');
  process.exit(2);
}
if (gzipTotal > BUDGET_BYTES) {
  console.error(`check-bundle-size: initial JS is ${kb(gzipTotal - BUDGET_BYTES)} over the budget.`);
  process.exit(1);
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
