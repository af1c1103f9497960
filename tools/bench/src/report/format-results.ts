// The human-readable report: a table of the candidates, the ratios against their targets, the
// agreement checks and the window-state size.
import { describeMachine } from '../measure/machine-info';
import { type BenchResults, type CandidateOutcome } from './bench-results';
import { CANDIDATE_LABELS } from './candidate-labels';


function formatInteger(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return `${formatInteger(bytes / 1e6)} MB`;
}

function padTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
}

function candidateRow(outcome: CandidateOutcome, floorMs: number | undefined): string[] {
  const label = CANDIDATE_LABELS[outcome.candidate];
  if (outcome.status !== 'measured') return [label, outcome.status, '', '', '', '', ''];
  return [
    label,
    `${(outcome.medianWallMs / 1000).toFixed(2)} s`,
    outcome.runs.map((run) => (run.wallMs / 1000).toFixed(2)).join(' / '),
    formatInteger(outcome.recordsPerSecond),
    outcome.megabytesPerSecond.toFixed(1),
    megabytes(outcome.peakRssBytes),
    floorMs === undefined ? '' : `${(outcome.medianWallMs / floorMs).toFixed(2)}x`,
  ];
}

export function formatResults(results: BenchResults): string {
  const floor = results.candidates.find((outcome) => outcome.candidate === 'floor');
  const floorMs = floor?.status === 'measured' ? floor.medianWallMs : undefined;
  const { input } = results;
  const lines = [
    '',
    `machine: ${describeMachine(results.machine)}`,
    `input:   ${formatInteger(input.records)} records, ${megabytes(input.bytes)} NDJSON (generator v${input.generatorVersion}, seed ${input.seed}), ${input.windowSeconds} s windows, top ${input.topK}`,
    `         ${input.file}`,
    `method:  each candidate in a fresh child process, ${results.runsPerCandidate} runs, median wall time; load ${results.machine.loadAverage} at start, ${results.loadAverageAtEnd} at end`,
    '',
    ...padTable([
      ['candidate', 'median', `runs (s)`, 'records/s', 'MB/s', 'peak RSS', 'x floor'],
      ...results.candidates.map((outcome) => candidateRow(outcome, floorMs)),
    ]),
  ];
  for (const outcome of results.candidates) {
    if (outcome.status !== 'measured') lines.push(`${CANDIDATE_LABELS[outcome.candidate]} ${outcome.status}: ${outcome.reason}`);
  }
  lines.push('');
  for (const ratio of results.ratios) {
    const target = ratio.target === undefined ? '' : ` (target ${ratio.target.text}: ${ratio.target.met ? 'met' : 'NOT met'})`;
    lines.push(`${ratio.name}: ${ratio.ratio.toFixed(2)}x${target}`);
  }
  for (const check of results.agreement) {
    const verdict = check.agree ? `AGREE (${check.windows ?? 0} windows, every built-in metric)` : `DISAGREE: ${check.difference ?? ''}`;
    lines.push(`${CANDIDATE_LABELS[check.actual]} vs ${CANDIDATE_LABELS[check.expected]}: ${verdict}`);
  }
  const { state } = results;
  lines.push(
    state.status === 'measured'
      ? `max serialized window state: ${formatInteger(state.largestWindowSnapshotBytes)} bytes (1 window, ${formatInteger(state.records)} records, ${formatInteger(state.distinctSourceIps)} distinct source IPs; ${(state.wallMs / 1000).toFixed(2)} s, peak RSS ${megabytes(state.maxRssBytes)})`
      : `max serialized window state: ${state.status}: ${state.reason}`,
  );
  return lines.join('\n');
}
