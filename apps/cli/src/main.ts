import { processIo } from './cli-io';
import { runCli } from './program';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli never rejects; this is the last line of defence.
    process.stderr.write(`trailpulse: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
