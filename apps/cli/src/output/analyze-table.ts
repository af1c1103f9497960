import { type BatchOutput, type TopEntry } from '@trailpulse/analytics';
import { formatCount } from './format-number';
import { renderTable } from './table';
import { type CustomValue, readCustomValue, tupleText } from './custom-value';

const MAX_CELL = 44;

/** Long keys (role ARNs) would push the table off any screen: keep the end, which names the role or user. */
function fit(text: string): string {
  return text.length <= MAX_CELL ? text : `…${text.slice(text.length - MAX_CELL + 1)}`;
}

function lead(entries: readonly TopEntry[]): string {
  const first = entries[0];
  return first === undefined ? '' : `${fit(first.key)} (${formatCount(first.count)})`;
}

/**
 * `trailpulse analyze --table`: a summary line, one row per window with the headline numbers and
 * the leader of each top list. `--json` or `--csv` carry every list in full.
 */
export function renderAnalyzeTable(output: BatchOutput): string {
  const { events, windows, windowSeconds } = output;
  const apiCalls = windows.reduce((sum, w) => sum + w.metrics.totalCalls, 0);
  const out: string[] = [
    `${formatCount(events.read)} records read: ${formatCount(events.accepted)} accepted (${formatCount(apiCalls)} API calls), ` +
      `${formatCount(events.rejected)} rejected. ${formatCount(windows.length)} window(s) of ${windowSeconds} s with API calls.\n`,
  ];
  if (windows.length === 0) return out.join('');
  const rows = windows.map((w) => {
    const m = w.metrics;
    const c = m.callsByCategory;
    return [
      w.start.replace('T', ' ').replace('.000Z', 'Z'),
      m.totalCalls,
      c.create,
      c.modify,
      c.delete,
      c.read,
      c.other,
      m.ec2SuccessfulCalls,
      Number(m.anomalyScore.toFixed(2)),
      lead(m.topApiCalls),
      lead(m.topUsers),
      m.maxCallsByIp.count > 0 ? `${fit(m.maxCallsByIp.key)} (${formatCount(m.maxCallsByIp.count)})` : '',
    ];
  });
  out.push(
    '\n',
    renderTable(
      ['window start (UTC)', 'calls', 'create', 'modify', 'delete', 'read', 'other', 'ec2 ok', 'anomaly', 'top API call', 'top principal', 'max calls by IP'],
      rows,
    ),
  );
  out.push(renderCustomMetrics(output));
  const approximate = windows.filter((w) => (w.metrics.approximate?.length ?? 0) > 0).length;
  if (approximate > 0) out.push(`\n${formatCount(approximate)} window(s) have approximate top lists (more distinct keys than the sketch holds); --json shows error bounds.\n`);
  return out.join('');
}

const MAX_CUSTOM_WINDOWS = 5;

/** Custom metrics: for each, the windows where it saw anything, with its value in short. */
function renderCustomMetrics(output: BatchOutput): string {
  const ids = [...new Set(output.windows.flatMap((w) => Object.keys(w.metrics.custom ?? {})))].sort();
  if (ids.length === 0) return '';
  const lines = ['\nCustom metrics (windows where they saw anything):\n'];
  for (const id of ids) {
    const hits = output.windows
      .map((w) => ({ start: w.start, text: summarizeCustomValue(w.metrics.custom?.[id]) }))
      .filter((hit) => hit.text !== undefined);
    if (hits.length === 0) {
      lines.push(`  ${id}: nothing\n`);
      continue;
    }
    lines.push(`  ${id}: ${formatCount(hits.length)} window(s)\n`);
    for (const hit of hits.slice(0, MAX_CUSTOM_WINDOWS)) lines.push(`    ${hit.start.replace('T', ' ').replace('.000Z', 'Z')}  ${hit.text}\n`);
    if (hits.length > MAX_CUSTOM_WINDOWS) lines.push(`    … ${formatCount(hits.length - MAX_CUSTOM_WINDOWS)} more (see --json)\n`);
  }
  return lines.join('');
}

/** A custom metric's window value in a few words; undefined when it saw nothing. */
function summarizeCustomValue(raw: unknown): string | undefined {
  const value = readCustomValue(raw);
  const text = summarize(value);
  if (text === undefined || value.kind === 'other' || value.anomalyScore === undefined || value.anomalyScore === 0) return text;
  return `${text}; anomaly ${Number(value.anomalyScore.toFixed(2))}`;
}

function summarize(value: CustomValue): string | undefined {
  switch (value.kind) {
    case 'count':
      return value.count === 0 ? undefined : formatCount(value.count);
    case 'top':
      return list(value.entries.map((e) => `${fit(e.key)} (${formatCount(e.count)})`));
    case 'distinct':
      return value.distinct === 0 ? undefined : `${formatCount(value.distinct)} distinct`;
    case 'errorRate':
      return list(value.spikes.map((s) => `${fit(s.key)} (${formatCount(s.errors)}/${formatCount(s.calls)} failed, score ${s.score})`));
    case 'firstSeen':
      return value.count === 0 ? undefined : `${formatCount(value.count)} new: ${list(value.keys.map((tuple) => fit(tupleText(tuple))), value.count)}`;
    case 'other':
      return value.value === undefined ? undefined : JSON.stringify(value.value);
  }
}

/** The first three items, then "…" when there are more (`total` when the items are only the first of them). */
function list(items: readonly string[], total = items.length): string | undefined {
  if (items.length === 0) return undefined;
  return items.slice(0, 3).join(', ') + (total > 3 ? ', …' : '');
}
