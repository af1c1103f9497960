/**
 * Proves the architecture rules are enforced, not just written down: each case lints a probe
 * file placed (virtually: `lintText` with a file path) inside a project, and the import it makes
 * must be refused or allowed by eslint.config.mjs (docs/decisions/0004-module-boundaries.md).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '..', '..', '..');

interface Probe {
  readonly file: string;
  readonly code: string;
}

const probes = {
  appImportsEngine: {
    file: 'apps/cli/src/boundary-probe.ts',
    code: "import { probe } from '@trailpulse/event-schema';\nexport const x = probe;\n",
  },
  libImportsApp: {
    file: 'libs/event-schema/src/boundary-probe.ts',
    code: "import { x } from '@trailpulse/cli';\nexport const y = x;\n",
  },
  libImportsAppRelative: {
    file: 'libs/event-schema/src/boundary-probe.ts',
    code: "import { x } from '../../../apps/cli/src/main';\nexport const y = x;\n",
  },
  engineImportsAwsSdk: {
    file: 'libs/event-schema/src/boundary-probe.ts',
    code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const c = S3Client;\n",
  },
  engineImportsNodeFs: {
    file: 'libs/event-schema/src/boundary-probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  },
  nodeAdapterImportsNodeFs: {
    file: 'libs/event-schema/src/node/boundary-probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  },
  engineUsesNodeGlobals: {
    file: 'libs/event-schema/src/boundary-probe.ts',
    code: 'export const b = Buffer.from("x");\nexport const e = process.env;\n',
  },
} satisfies Record<string, Probe>;

type ProbeName = keyof typeof probes;
let errorsByProbe: Record<ProbeName, string[]>;

beforeAll(() => {
  // One ESLint run (and one project-graph computation) for all probes.
  const names = Object.keys(probes) as ProbeName[];
  const stdout = execFileSync(process.execPath, [path.join(__dirname, 'lint-probes.mjs')], {
    cwd: workspaceRoot,
    input: JSON.stringify(names.map((n) => probes[n])),
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    encoding: 'utf8',
  });
  if (stdout.includes('will be skipped')) throw new Error(`the boundary rule did not run:\n${stdout}`);
  const marker = stdout.lastIndexOf('@@lint-probes@@');
  const results = JSON.parse(stdout.slice(marker + '@@lint-probes@@'.length)) as string[][];
  errorsByProbe = Object.fromEntries(names.map((n, i) => [n, results[i] ?? []])) as Record<ProbeName, string[]>;
}, 120_000);

describe('module boundaries (eslint.config.mjs)', () => {
  it('allows an app to import an engine library (control case)', () => {
    expect(errorsByProbe.appImportsEngine).toEqual([]);
  });

  it('refuses a library importing an app', () => {
    expect(errorsByProbe.libImportsApp.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('refuses a library reaching into an app by relative path', () => {
    expect(errorsByProbe.libImportsAppRelative.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('refuses an AWS SDK import in engine code', () => {
    expect(errorsByProbe.engineImportsAwsSdk.join('\n')).toMatch(/never imports an AWS SDK/);
  });

  it('refuses Node built-ins in browser-safe engine code but allows them in src/node/', () => {
    expect(errorsByProbe.engineImportsNodeFs.join('\n')).toMatch(/keep Node APIs in src\/node/);
    expect(errorsByProbe.nodeAdapterImportsNodeFs).toEqual([]);
  });

  it('refuses Node globals (Buffer, process) in engine code', () => {
    expect(errorsByProbe.engineUsesNodeGlobals.filter((e) => e.startsWith('no-restricted-globals'))).toHaveLength(2);
  });
});
