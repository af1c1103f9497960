#!/usr/bin/env node
// The local runtime. Runs apps/local/src/main.ts from source through the workspace's TypeScript
// runner (tools/scripts/ts-runner.cjs), so it works right after `npm install` with no build step.
'use strict';
const path = require('node:path');
const { run } = require(path.join(__dirname, '..', '..', '..', 'tools', 'scripts', 'ts-runner.cjs'));
// `npm start` runs this with the V8 options of ./node-options.cjs (a larger young generation), which
// only take effect on the command line: `node --max-semi-space-size=64 apps/local/bin/trailpulse-local.cjs`.
// The AWS SDK warns on Node 20 that its releases after January 2027 need Node 22: news for whoever
// upgrades the SDK (docs/decisions), not for someone running TrailPulse locally.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
run(path.join(__dirname, '..', 'src', 'main.ts'));
