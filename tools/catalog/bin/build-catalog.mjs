#!/usr/bin/env node
// `npm run catalog`: runs tools/catalog/src/main.ts from source through the workspace runner.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('../../scripts/ts-runner.cjs').run('tools/catalog/src/main.ts');
