// Lints probe sources as if they stood at the given workspace paths and prints the errors found.
// Run as a child process by module-boundaries.spec.ts: ESLint loads its ESM config with a
// dynamic import, which Jest's module sandbox does not allow in-process.
// stdin: [{ "file": "libs/x/src/probe.ts", "code": "..." }]; stdout: [["rule: message", ...], ...]
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';

const cwd = process.cwd();
// The boundary rule silently skips itself when no project graph is cached (a fresh clone):
// build it first, as `nx lint` does.
await createProjectGraphAsync({ exitOnError: true });
const probes = JSON.parse(await text(process.stdin));
const eslint = new ESLint({ cwd });
const out = [];
for (const { file, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: join(cwd, file) });
  out.push((result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`));
}
// Nx may print notices on stdout while it builds the project graph: mark where the answer starts.
process.stdout.write(`\n@@lint-probes@@${JSON.stringify(out)}`);
