import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Fresh temporary folders for one spec file, all removed by `removeAll` (call it in afterAll). */
export class TempDirs {
  private readonly made: string[] = [];

  make(prefix: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), `trailpulse-${prefix}-`));
    this.made.push(dir);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.made.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
