/**
 * The bulk store worker runs at a lower priority than the rest of the runtime (runtime.ts,
 * BULK_WORKER_NICENESS), read back from Linux's /proc as the scheduler sees it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { BULK_WORKER_NICENESS } from '../src/runtime/runtime';
import { TempDirs } from './support/temp-dirs';
import { startTestRuntime } from './support/test-runtime';

const onLinux = existsSync('/proc/thread-self');

/** The niceness of each thread of this process, by thread id (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceness(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

const temp = new TempDirs();
afterAll(() => temp.removeAll());

(onLinux ? describe : describe.skip)('store worker priorities', () => {
  it('runs the bulk store worker at the lower priority, and no other thread of the runtime', async () => {
    // Prepare
    const before = threadNiceness();
    // Act
    const subject = await startTestRuntime(temp);
    const during = threadNiceness();
    await subject.runtime.close();
    // Assess: exactly one new thread at BULK_WORKER_NICENESS; this (the main) thread unchanged
    const lowered = [...during].filter(([tid, nice]) => !before.has(tid) && nice === BULK_WORKER_NICENESS);
    expect(lowered).toHaveLength(1);
    expect(during.get(process.pid)).toBe(before.get(process.pid));
    expect([...during.values()].filter((nice) => nice === BULK_WORKER_NICENESS)).toHaveLength(1 + [...before.values()].filter((nice) => nice === BULK_WORKER_NICENESS).length);
  });
});
