#!/usr/bin/env node
// The `trailpulse` command. Runs apps/cli/src/main.ts from source through the workspace's
// TypeScript runner, so `npx trailpulse` works right after `npm install` with no build step.
'use strict';
const path = require('node:path');
const { run } = require(path.join(__dirname, '..', '..', '..', 'tools', 'scripts', 'ts-runner.cjs'));
run(path.join(__dirname, '..', 'src', 'main.ts'));
