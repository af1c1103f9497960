import { type LocalBenchResults } from './run-local-bench';
import { type LocalBenchSummary, type Spread } from './summarize-runs';

const n = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

/** The results as a table for the terminal. */
export function formatLocalResults(results: LocalBenchResults): string {
  const { runtime, baseline } = results;
  const rows: [string, string, string][] = [
    ['baseline: drain-only node:http server', `${n(baseline.eventsPerSecond)} records/s`, `${baseline.seconds} s`],
    ['runtime: POSTs answered 202', `${n(runtime.acceptedPerSecond)} records/s`, `${runtime.retried429} retried after 429`],
    ['runtime: merged + every 10 s window announced', `${n(runtime.liveMergedPerSecond)} records/s`, 'first POST to the last window on the WebSocket; target >= 50,000/s'],
    [
      'runtime CPU, first POST to the last window',
      runtime.cpuMsPerThousandRecords === undefined ? 'n/a (no /proc)' : `${runtime.cpuMsPerThousandRecords} ms per 1,000 records`,
      runtime.coresBusy === undefined ? '' : `${runtime.coresBusy} cores busy (all the runtime's threads)`,
    ],
    [
      'runtime CPU by thread (cores busy)',
      runtime.threadCores === undefined ? 'n/a (no /proc)' : `main ${runtime.threadCores.main}`,
      runtime.threadCores === undefined ? '' : `busiest other threads ${runtime.threadCores.busiestOthers.join(', ')} (store workers, GC helpers)`,
    ],
    ['runtime: every row merged, first POST to last', `${n(runtime.mergedPerSecond)} records/s`, `${runtime.mergedSeconds} s (includes the bulk rows' last flush)`],
    [
      'runtime CPU, first POST to every row merged',
      runtime.allRowsCpuMsPerThousandRecords === undefined ? 'n/a (no /proc)' : `${runtime.allRowsCpuMsPerThousandRecords} ms per 1,000 records`,
      'all the work, bulk rows included',
    ],
    ['closing POST -> window on the WebSocket', `p50 ${n(runtime.closeLatencyMs.p50)} ms, p99 ${n(runtime.closeLatencyMs.p99)} ms`, `max ${n(runtime.closeLatencyMs.max)} ms; target p99 < 1,000 ms`],
    ['any POST -> its last window on the WebSocket', `p50 ${n(runtime.latencyMs.p50)} ms, p99 ${n(runtime.latencyMs.p99)} ms`, `max ${n(runtime.latencyMs.max)} ms (includes the window's own 10 s + 2 s)`],
    ['10 s windows announced', `${runtime.windowsAnnounced} of ${runtime.windowsExpected}`, `${runtime.anomalies} anomaly messages`],
    ['baseline / runtime', `${results.costRatio}x`, ''],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  return [
    `local runtime ingest: ${n(results.records)} records (${n(results.apiCalls)} API calls, ${results.megabytes} MB) in ${results.posts} POSTs of ${results.options.batch}, ${results.options.concurrency} in flight${results.options.postRate === undefined ? ' (max rate)' : `, paced at ${n(results.options.postRate)} records/s`}`,
    ...lines,
    `load average after the run: ${results.loadAverageAfter} (machine: ${results.machine.cores} cores)`,
  ].join('\n');
}

const range = (value: Spread, unit: string): string => `${n(value.median)} ${unit} (${n(value.min)} to ${n(value.max)})`;

/** The summary of several runs: median and range of each headline measure. */
export function formatLocalSummary(summary: LocalBenchSummary): string {
  const rows: [string, string][] = [
    ['merged + every 10 s window announced', range(summary.liveMergedPerSecond, 'records/s')],
    ['POSTs answered 202', range(summary.acceptedPerSecond, 'records/s')],
    ['every row merged', range(summary.mergedPerSecond, 'records/s')],
    ['runtime CPU per 1,000 records', summary.cpuMsPerThousandRecords === undefined ? 'n/a (no /proc)' : `${summary.cpuMsPerThousandRecords.median.toFixed(1)} ms (${summary.cpuMsPerThousandRecords.min} to ${summary.cpuMsPerThousandRecords.max})`],
    ['  the same to every row merged', summary.allRowsCpuMsPerThousandRecords === undefined ? 'n/a (no /proc)' : `${summary.allRowsCpuMsPerThousandRecords.median.toFixed(1)} ms (${summary.allRowsCpuMsPerThousandRecords.min} to ${summary.allRowsCpuMsPerThousandRecords.max})`],
    ['main thread, cores busy', summary.mainThreadCores === undefined ? 'n/a (no /proc)' : `${summary.mainThreadCores.median} (${summary.mainThreadCores.min} to ${summary.mainThreadCores.max})`],
    ['closing POST -> window, p50', range(summary.closeLatencyP50Ms, 'ms')],
    ['closing POST -> window, p99', range(summary.closeLatencyP99Ms, 'ms')],
    ['baseline: drain-only node:http server', range(summary.baselinePerSecond, 'records/s')],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [`over ${summary.runs} runs: median (min to max)`, ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`)].join('\n');
}
