import { type CliIo } from '../src/cli-io';

/** An in-memory terminal for running CLI commands in-process. */
export interface FakeIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  /** Advances the injected clock. */
  readonly advance: (ms: number) => void;
}

export function fakeIo(options: { stderrIsTTY?: boolean } = {}): FakeIo {
  let stdout = '';
  let stderr = '';
  let clock = 0;
  return {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.stderrIsTTY ?? false, columns: 100 },
    now: () => clock,
    out: () => stdout,
    err: () => stderr,
    advance: (ms) => {
      clock += ms;
    },
  };
}
