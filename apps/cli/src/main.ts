import { processIo } from './cli-io';
import { runCli } from './program';

// `trailpulse analyze ... | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

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
