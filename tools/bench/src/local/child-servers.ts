// The two servers the local bench drives, each in a child process of its own: the local runtime,
// and the baseline, a node:http server that drains each body and answers 202.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export class ChildServerError extends Error {
  override readonly name = 'ChildServerError';
}

export interface ChildServer {
  readonly url: string;
  readonly child: ChildProcess;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns `args`, waits for the first stdout line, which must be JSON with the server's `url`. */
async function spawnServer(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<ChildServer> {
  const child = spawn(process.execPath, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = once(child, 'exit');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    void exited.then(([code]) => reject(new ChildServerError(`${path.basename(args[args.length - 1] ?? 'server')} exited (${String(code)}) before it listened: ${stderr.slice(-2000)}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/**
 * `node <the runtime's V8 options> [nodeFlags] apps/local/bin/trailpulse-local.cjs --no-demo --port 0 --data-dir <dir> --json`
 * (HTTP ingest only), started as `npm start` starts it.
 */
export function startLocalRuntime(root: string, dataDir: string, token: string, profileDir?: string, nodeFlags: readonly string[] = []): Promise<ChildServer> {
  const profile = profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir];
  const bin = path.join(root, 'apps', 'local', 'bin', 'trailpulse-local.cjs');
  const { RUNTIME_NODE_OPTIONS } = createRequire(__filename)(path.join(root, 'apps', 'local', 'bin', 'node-options.cjs')) as { RUNTIME_NODE_OPTIONS: readonly string[] };
  return spawnServer([...profile, ...RUNTIME_NODE_OPTIONS, ...nodeFlags, bin, '--no-demo', '--port', '0', '--data-dir', dataDir, '--json'], { ...process.env, TRAILPULSE_TOKEN: token, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, root);
}

/** The floor: what loopback HTTP costs with no work behind it (the body is read and dropped). */
const DRAIN_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(202, { 'Content-Type': 'application/json' }); res.end('{"accepted":0,"rejected":0,"rejectReasons":{}}'); });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export function startDrainServer(root: string): Promise<ChildServer> {
  return spawnServer(['-e', DRAIN_SERVER], process.env, root);
}
