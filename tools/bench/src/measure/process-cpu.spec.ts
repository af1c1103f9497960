import { existsSync } from 'node:fs';
import { processCpuSeconds } from './process-cpu';

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
  });
});
