import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot, WorkerScriptError } from './worker-script';

describe('repositoryRoot', () => {
  it('finds the folder holding nx.json above this file', () => {
    expect(existsSync(path.join(repositoryRoot(__dirname), 'nx.json'))).toBe(true);
  });

  it('throws a WorkerScriptError when there is no repository above', () => {
    expect(() => repositoryRoot(path.parse(__dirname).root)).toThrow(WorkerScriptError);
  });
});
