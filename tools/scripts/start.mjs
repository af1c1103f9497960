#!/usr/bin/env node
// `npm start`: the main job. Until the local runtime with the live dashboard exists (issue #6),
// a guided demo of the engine on real CloudTrail samples: `trailpulse analyze` with the shipped
// security custom metrics, then `trailpulse validate` showing what was rejected and why.
//
//   npm start                   reads samples/cloudtrail (bundled, Apache-2.0)
//   npm start -- <paths...>     reads your own CloudTrail files or folders instead
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'apps', 'cli', 'bin', 'trailpulse.cjs');
const userPaths = process.argv.slice(2);
const paths = userPaths.length > 0 ? userPaths : [join(root, 'samples', 'cloudtrail')];

function trailpulse(args) {
  process.stdout.write(`\n$ trailpulse ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.stdout.write(
  [
    'TrailPulse: real-time insight into AWS account activity.',
    'The local runtime (live dashboard on http://127.0.0.1:4600) is not built yet; until it is,',
    '`npm start` runs the engine on CloudTrail files. Pass your own: npm start -- <paths...>',
  ].join('\n') + '\n',
);
trailpulse(['analyze', ...paths, '--table', '--metrics', join(root, 'examples', 'custom-metrics', 'security-baseline.yaml')]);
trailpulse(['validate', ...paths]);
process.stdout.write(
  '\nEvery metric in full, custom ones included: npx trailpulse analyze <paths> --json\n' +
    'How an API call is classified: npx trailpulse catalog <service> [eventName]\n' +
    'More: npx trailpulse --help\n',
);
