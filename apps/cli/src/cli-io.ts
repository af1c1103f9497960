/**
 * The CLI's view of its terminal, injected so commands are testable in-process and so
 * progress output can be turned off when stderr is not a terminal.
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  /** Milliseconds since an arbitrary origin; injected so progress rate maths is testable. */
  now(): number;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, now: () => performance.now() };
}
