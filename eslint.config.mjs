// Lint rules for the whole workspace. Module boundaries are enforced on the `scope:*` and
// `type:*` tags each project declares in its package.json (`nx.tags`); see
// docs/decisions/0004-module-boundaries.md for the reasoning behind each constraint.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** npm packages the engine libraries must never import: they run in Lambda, Node and the browser. */
const platformPackages = [
  '@aws-sdk/*',
  'aws-sdk',
  'aws-cdk-lib',
  'aws-cdk-lib/*',
  'constructs',
  '@angular/*',
  'dynalite',
  'kinesalite',
];

/** Node built-ins, banned in browser-safe engine code (the `src/node/` folders are the exception). */
const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs',
  'fs/promises', 'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process',
  'readline', 'stream', 'stream/promises', 'string_decoder', 'timers', 'tls', 'url', 'util', 'v8',
  'vm', 'worker_threads', 'zlib',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.nx', '**/tmp', '**/out-tsc'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // What kind of code may use what. An app is never a dependency of anything.
            {
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: ['type:engine'],
              bannedExternalImports: platformPackages,
            },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:engine'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:contract', 'type:engine'],
            },
            {
              sourceTag: 'type:handlers',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:contract', 'type:engine'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:testing', 'type:data-access', 'type:contract', 'type:engine'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:handlers', 'type:data-access', 'type:contract', 'type:engine', 'type:testing'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contract', 'type:engine'] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:tool', 'type:testing', 'type:contract', 'type:engine'],
            },
            // Who may use whom. The dashboard talks to the rest only through the API contract.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard', 'type:contract'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:cli', 'scope:shared'] },
            { sourceTag: 'scope:local', onlyDependOnLibsWithTags: ['scope:local', 'scope:shared'] },
            { sourceTag: 'scope:cloud', onlyDependOnLibsWithTags: ['scope:cloud', 'scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Browser-safe code (the engine libs and the API contract): no Node built-ins, no AWS SDK. Node-only adapters live in src/node/.
    files: ['libs/event-schema/src/**/*.ts', 'libs/analytics/src/**/*.ts', 'libs/anomaly/src/**/*.ts', 'libs/api-contract/src/**/*.ts'],
    ignores: ['**/src/node/**', '**/*.spec.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Engine code runs in the browser and Lambda too: keep Node APIs in src/node/.' },
            // A regex, not a gitignore-style group: a group 'events' would also ban a sibling module './events'.
            { regex: `^(${nodeBuiltins.join('|')})$`, message: 'Engine code runs in the browser and Lambda too: keep Node APIs in src/node/.' },
            { group: ['@aws-sdk/*', 'aws-sdk'], message: 'The engine never imports an AWS SDK.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Engine code must not read the Node process; inject what it needs.' },
        { name: 'Buffer', message: 'Use Uint8Array and TextDecoder/TextEncoder in engine code.' },
        { name: 'require', message: 'Use ES imports.' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
