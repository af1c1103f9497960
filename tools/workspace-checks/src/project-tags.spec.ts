/**
 * Every project declares exactly one `scope:*` and one `type:*` tag, and only tags that
 * eslint.config.mjs has a constraint for: an untagged or mistyped project would slip past the
 * module-boundary rules unnoticed.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '..', '..', '..');

function projectManifests(): { dir: string; tags: string[] }[] {
  const found: { dir: string; tags: string[] }[] = [];
  for (const group of ['apps', 'libs', 'tools']) {
    const groupDir = path.join(workspaceRoot, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const manifest = path.join(groupDir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { nx?: { tags?: string[] } };
      found.push({ dir: `${group}/${name}`, tags: json.nx?.tags ?? [] });
    }
  }
  return found;
}

function constrainedTags(): Set<string> {
  const config = readFileSync(path.join(workspaceRoot, 'eslint.config.mjs'), 'utf8');
  return new Set([...config.matchAll(/sourceTag: '([^']+)'/g)].map((m) => m[1] ?? ''));
}

describe('project tags', () => {
  const projects = projectManifests();
  const known = constrainedTags();

  it('finds the workspace projects', () => {
    expect(projects.map((p) => p.dir)).toEqual(expect.arrayContaining(['apps/cli', 'libs/event-schema']));
  });

  it.each(projects.map((p) => [p.dir, p.tags] as const))('%s has one scope and one type tag, both constrained', (_dir, tags) => {
    const scopes = tags.filter((t) => t.startsWith('scope:'));
    const types = tags.filter((t) => t.startsWith('type:'));
    expect(scopes).toHaveLength(1);
    expect(types).toHaveLength(1);
    for (const tag of [...scopes, ...types]) expect(known).toContain(tag);
  });
});
