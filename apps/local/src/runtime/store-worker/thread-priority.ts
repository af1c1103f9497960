import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread to `niceness` (Linux: a thread's id is a
 * process id to setpriority(2), and /proc/thread-self names it). Best effort: false where there is
 * no /proc (macOS, Windows) or the call is refused, and the thread runs at the process's priority.
 * A higher niceness needs no privilege; going back down would.
 */
export function lowerThreadPriority(niceness: number): boolean {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, niceness);
    return true;
  } catch {
    return false;
  }
}
