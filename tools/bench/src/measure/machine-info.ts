// The machine a result was measured on: numbers without it cannot be compared or reproduced.
import os from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly totalMemoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the bench started: other work on the machine skews the numbers. */
  readonly loadAverage: number;
  readonly date: string;
}

export function machineInfo(now: Date = new Date()): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    totalMemoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: currentLoadAverage(),
    date: now.toISOString(),
  };
}

/** The 1-minute load average now. */
export function currentLoadAverage(): number {
  return Number((os.loadavg()[0] ?? 0).toFixed(2));
}

export function describeMachine(info: MachineInfo): string {
  return `${info.cpuModel}, ${info.cores} cores, ${info.totalMemoryGiB} GiB RAM, Node ${info.node}, ${info.platform}; load ${info.loadAverage}; ${info.date}`;
}
