// CPU time of another process, from Linux's /proc: what a whole process (every thread, the garbage
// collector's helpers included) spent, which a wall-clock rate on a shared machine does not tell.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds process `pid` has used so far; undefined where /proc is not there. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return cpuSecondsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * User + system CPU seconds of each thread of process `pid` so far, by thread id (the main thread's
 * id is the pid); undefined where /proc is not there. Node names every thread "node", so which
 * worker is which is not known from here, only how busy each one was.
 */
export function threadCpuSeconds(pid: number | undefined): Map<number, number> | undefined {
  if (pid === undefined) return undefined;
  try {
    const threads = new Map<number, number>();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        threads.set(Number(tid), cpuSecondsOfStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return threads;
  } catch {
    return undefined;
  }
}

/**
 * Cores each thread kept busy between two {@link threadCpuSeconds} readings `seconds` apart: the
 * main thread's, and the others' busiest first (threads that started meanwhile count from zero).
 */
export function threadCoresBusy(pid: number, before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>, seconds: number): { main: number; others: number[] } {
  const cores = (tid: number): number => Number((((after.get(tid) ?? 0) - (before.get(tid) ?? 0)) / seconds).toFixed(2));
  const others = [...after.keys()].filter((tid) => tid !== pid).map(cores).sort((a, b) => b - a);
  return { main: cores(pid), others };
}

function cpuSecondsOfStat(stat: string): number {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime
  // are the 14th and 15th fields of the line, the 12th and 13th after the ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
