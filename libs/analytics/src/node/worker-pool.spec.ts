import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { ParallelAnalysisError } from './analyze-files-errors';
import { RangeQueue } from './range-queue';
import { scanRangesInWorkers } from './worker-pool';

describe('scanRangesInWorkers', () => {
  it('fails with a ParallelAnalysisError naming the worker when a range cannot be read', async () => {
    // Prepare
    const missing = path.join(tmpdir(), `missing-${process.pid}.ndjson`);
    const queue = new RangeQueue([{ path: missing, start: 0, end: 100 }]);
    const merged: unknown[] = [];
    // Act
    const run = scanRangesInWorkers(queue, 1, { windowSeconds: 60 }, { onRangeDone: () => undefined, onSnapshot: (snapshot) => merged.push(snapshot) });
    // Assess
    await expect(run).rejects.toThrow(ParallelAnalysisError);
    await expect(run).rejects.toThrow(/scan worker 1: .*missing-/);
    expect(merged).toEqual([]);
  });
});
