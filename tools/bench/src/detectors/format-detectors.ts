// The human-readable report of the detectors bench: one row per candidate, baselines first.
import { describeMachine } from '../measure/machine-info';
import { type CandidateOutcome, type DetectorOutcome, type DetectorsBenchResults } from './detectors-results';

/** Three significant digits below 1 µs (the baselines take nanoseconds), fewer decimals above. */
export function formatMicroseconds(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

function formatInteger(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** One decimal where it matters (1.4x), whole numbers where it does not (1,662x). */
export function formatRatio(ratio: number): string {
  return ratio < 10 ? `${ratio.toFixed(1)}x` : `${formatInteger(ratio)}x`;
}

function verdict(met: boolean | undefined): string {
  if (met === undefined) return '';
  return met ? 'met' : 'NOT met';
}

function padTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd());
}

function timingCells(outcome: CandidateOutcome): string[] {
  if (outcome.status !== 'measured') return ['failed', '', '', ''];
  return [
    formatMicroseconds(outcome.microsecondsPerUpdate),
    outcome.runs.map((run) => formatMicroseconds(run.microsecondsPerUpdate)).join(' / '),
    formatMicroseconds(outcome.wallMicrosecondsPerUpdate),
    `${formatInteger(outcome.runs[0]?.passes ?? 0)}`,
  ];
}

function detectorRow(detector: DetectorOutcome): string[] {
  return [
    detector.isDefault ? `${detector.name} (default)` : detector.name,
    ...timingCells(detector.outcome),
    detector.ratioToRunningMean === undefined ? '' : formatRatio(detector.ratioToRunningMean),
    verdict(detector.meetsUpdateTarget),
    detector.snapshotBytes === undefined ? '' : `${formatInteger(detector.snapshotBytes)} B`,
    verdict(detector.meetsSnapshotTarget),
  ];
}

export function formatDetectorsResults(results: DetectorsBenchResults): string {
  const { input, method, targets, baselines } = results;
  const failures = [
    ...(baselines.rawLoop.status === 'failed' ? [`baseline raw loop failed: ${baselines.rawLoop.reason}`] : []),
    ...(baselines.runningMean.status === 'failed' ? [`baseline running mean failed: ${baselines.runningMean.reason}`] : []),
    ...results.detectors.flatMap((d) => (d.outcome.status === 'failed' ? [`${d.name} failed: ${d.outcome.reason}`] : [])),
  ];
  const busiest = Math.max(results.machine.loadAverage, results.loadAverageAtEnd);
  const busy =
    busiest > results.machine.cores
      ? [`note:    the machine was busy (load up to ${busiest} on ${results.machine.cores} cores): wall times are inflated; the targets are checked on CPU time`]
      : [];
  return [
    '',
    `machine: ${describeMachine(results.machine)}`,
    `input:   ${input.series} series of ${input.nabDir}/data/${input.category}, ${formatInteger(input.points)} points per pass; snapshots after ${input.longestSeries.file} (${formatInteger(input.longestSeries.points)} points)`,
    `method:  ${method.description}; ${method.runsPerCandidate} run(s) per candidate, >= ${method.minSecondsPerRun} s of CPU time each; load ${results.machine.loadAverage} at start, ${results.loadAverageAtEnd} at end`,
    ...busy,
    '',
    ...padTable([
      ['candidate', 'µs/update (CPU)', 'runs (µs CPU)', 'wall µs', 'passes', 'x running mean', `< ${targets.microsecondsPerUpdate} µs`, 'snapshot', `<= ${formatInteger(targets.snapshotBytes)} B`],
      ['baseline: raw loop (no call)', ...timingCells(baselines.rawLoop), '', '', '', ''],
      ['baseline: running mean', ...timingCells(baselines.runningMean), baselines.runningMean.status === 'measured' ? '1.0x' : '', '', '', ''],
      ...results.detectors.map(detectorRow),
    ]),
    ...(failures.length > 0 ? ['', ...failures] : []),
  ].join('\n');
}
