#!/usr/bin/env node
// `npm run bench`: runs tools/bench/src/main.ts from source through the workspace runner;
// `npm run bench -- detectors` runs the anomaly detectors' bench (tools/bench/src/detectors).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// `npm run bench -- local` drives the local runtime's HTTP ingest (tools/bench/src/local).
const entries = { detectors: 'tools/bench/src/detectors/main.ts', local: 'tools/bench/src/local/main.ts' };
const command = process.argv[2] ?? '';
const entry = Object.hasOwn(entries, command) ? entries[command] : 'tools/bench/src/main.ts';
require('../../scripts/ts-runner.cjs').run(entry);
