#!/usr/bin/env node
// The local runtime. Runs apps/local/src/main.ts from source through the workspace's TypeScript
// runner (tools/scripts/ts-runner.cjs), so it works right after `npm install` with no build step.
'use strict';
const path = require('node:path');
const { run } = require(path.join(__dirname, '..', '..', '..', 'tools', 'scripts', 'ts-runner.cjs'));
// Ingest allocates short-lived objects per record (facts, request bodies, window partials): with a
// larger young generation far fewer survive into the old one, where collecting them is dear.
// `npm run bench -- local` on the 2-core VM, records through the live path: 33,088 / 33,311 /
// 35,309 per second with V8's default, 38,346 / 42,086 with 64 MB semi-spaces (37,764 / 44,011 with
// the same as a command-line flag), no better at 128 MB. Set before the app allocates anything.
require('node:v8').setFlagsFromString('--max-semi-space-size=64');
// The AWS SDK warns on Node 20 that its releases after January 2027 need Node 22: news for whoever
// upgrades the SDK (docs/decisions), not for someone running TrailPulse locally.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
run(path.join(__dirname, '..', 'src', 'main.ts'));
