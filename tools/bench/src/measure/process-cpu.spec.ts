import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { processCpuSeconds, threadCoresBusy, threadCpuSeconds } from './process-cpu';

const onLinux = existsSync('/proc/self/stat');

describe('processCpuSeconds', () => {
  (onLinux ? it : it.skip)('reads a process\'s CPU time: what the process itself counts, to the clock tick', () => {
    // Prepare: burn 200 ms of this process's CPU (counted by CPU, not wall clock: the machine may be busy)
    const start = process.cpuUsage();
    let spin = 0;
    while (process.cpuUsage(start).user < 200_000) spin++;
    // Act
    const ownUsage = process.cpuUsage();
    const fromProc = processCpuSeconds(process.pid) as number;
    // Assess: /proc counts in 10 ms ticks
    expect(spin).toBeGreaterThan(0);
    expect(Math.abs(fromProc - (ownUsage.user + ownUsage.system) / 1e6)).toBeLessThan(0.05);
  });

  it('answers undefined for no process or one that is not there', () => {
    expect(processCpuSeconds(undefined)).toBeUndefined();
    expect(processCpuSeconds(2 ** 31 - 1)).toBeUndefined();
    expect(threadCpuSeconds(undefined)).toBeUndefined();
    expect(threadCpuSeconds(2 ** 31 - 1)).toBeUndefined();
  });

  (onLinux ? it : it.skip)('tells the main thread from another thread that burns CPU', async () => {
    // Prepare: a worker thread that spins for 300 ms of its own CPU, says so, and stays (an ended
    // thread leaves /proc/<pid>/task) while this thread waits
    const before = threadCpuSeconds(process.pid) as Map<number, number>;
    const worker = new Worker(
      "const { parentPort } = require('node:worker_threads'); const s = process.cpuUsage(); while (process.cpuUsage(s).user < 300000); parentPort.postMessage('spun'); setInterval(() => {}, 1000);",
      { eval: true },
    );
    await new Promise((resolve) => worker.once('message', resolve));
    // Act
    const after = threadCpuSeconds(process.pid) as Map<number, number>;
    await worker.terminate();
    // Assess: over "1 second", cores busy are CPU seconds: the worker's 0.3 s (to the 10 ms tick), the main thread's far less
    const { main, others } = threadCoresBusy(process.pid, before, after, 1);
    expect(others[0]).toBeGreaterThanOrEqual(0.28);
    expect(main).toBeLessThan(others[0] as number);
    expect(others).toStrictEqual([...others].sort((a, b) => b - a));
  });
});
