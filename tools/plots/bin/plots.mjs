#!/usr/bin/env node
// `npm run plots`: runs tools/plots/src/main.ts from source through the workspace runner.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('../../scripts/ts-runner.cjs').run('tools/plots/src/main.ts');
