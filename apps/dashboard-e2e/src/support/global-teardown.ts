import { type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { stopRuntime } from './runtime-process';
import { STATE_ENV } from './suite-state';

/** Stops the runtime globalSetup started and removes its temporary folder (replay, store, token). */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { trailpulseRuntime?: ChildProcess }).trailpulseRuntime;
  if (child !== undefined) await stopRuntime(child);
  const statePath = process.env[STATE_ENV];
  if (statePath !== undefined) rmSync(statePath.replace(/[\\/]state\.json$/, ''), { recursive: true, force: true });
}
