import { type Runtime, startRuntime } from '../../src/runtime/runtime';
import { parseCliArgs } from '../../src/runtime/cli-args';
import { ApiClient } from './api-client';
import { type TempDirs } from './temp-dirs';

export interface TestRuntimeOptions {
  /** Command-line source options, as a user would type them (`--replay <path>`, ...); `--no-demo` is added. */
  readonly sourceArgs?: readonly string[];
  readonly seedMetricsFile?: string;
  /** Reuse a data dir (a restart); a fresh temp dir otherwise. */
  readonly dataDir?: string;
}

export interface TestRuntime {
  readonly runtime: Runtime;
  readonly api: ApiClient;
  readonly dataDir: string;
}

// The SDK's one-time notice that its 2027 releases need Node 22 (metrics-store README): noise in test logs.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

/** The real runtime in this process: embedded dynalite on disk in a temp dir, the API on a free loopback port. */
export async function startTestRuntime(temp: TempDirs, options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const dataDir = options.dataDir ?? temp.make('runtime');
  const { sources } = parseCliArgs([...(options.sourceArgs ?? []), '--no-demo'], {});
  const runtime = await startRuntime({
    dataDir,
    port: 0,
    sources,
    env: {},
    ...(options.seedMetricsFile === undefined ? {} : { seedMetricsFile: options.seedMetricsFile }),
  });
  return { runtime, api: new ApiClient(runtime.url, runtime.token), dataDir };
}

/** Polls `condition` every `everyMs` until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
