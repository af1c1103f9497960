#!/usr/bin/env node
// `npm run bench`: runs tools/bench/src/main.ts from source through the workspace runner;
// `npm run bench -- detectors` runs the anomaly detectors' bench (tools/bench/src/detectors).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const entry = process.argv[2] === 'detectors' ? 'tools/bench/src/detectors/main.ts' : 'tools/bench/src/main.ts';
require('../../scripts/ts-runner.cjs').run(entry);
