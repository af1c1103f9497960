import { type BatchOutput, type TopEntry, type WindowResult } from '@trailpulse/analytics';
import { csvRow } from './csv';

/** Columns of `analyze --csv`: one row per metric value, so any spreadsheet or dataframe can pivot it. */
export const ANALYZE_CSV_HEADER = ['window_start', 'window_end', 'metric', 'key', 'count', 'error', 'rank'] as const;

/**
 * `trailpulse analyze --csv`: long format. Scalars (totalCalls, ec2SuccessfulCalls, anomalyScore)
 * have an empty key; maps (callsByService, callsByCategory) one row per key; top-K lists one row
 * per entry with its rank (1 = most calls) and error bound when approximate; custom metrics as
 * `custom.<id>` in the same way.
 */
export function renderAnalyzeCsv(output: BatchOutput): string {
  const rows: string[] = [csvRow(ANALYZE_CSV_HEADER)];
  for (const window of output.windows) rows.push(...windowRows(window));
  return rows.join('');
}

function windowRows(window: WindowResult): string[] {
  const { start, end, metrics } = window;
  const rows: string[] = [];
  const scalar = (metric: string, value: number) => rows.push(csvRow([start, end, metric, '', value, undefined, undefined]));
  const map = (metric: string, values: Readonly<Record<string, number>>) => {
    for (const [key, count] of Object.entries(values)) rows.push(csvRow([start, end, metric, key, count, undefined, undefined]));
  };
  const top = (metric: string, entries: readonly TopEntry[]) => {
    entries.forEach((e, i) => rows.push(csvRow([start, end, metric, e.key, e.count, e.error, i + 1])));
  };
  scalar('totalCalls', metrics.totalCalls);
  map('callsByService', metrics.callsByService);
  map('callsByCategory', metrics.callsByCategory);
  top('topApiCalls', metrics.topApiCalls);
  top('topUsers', metrics.topUsers);
  top('topIps', metrics.topIps);
  rows.push(csvRow([start, end, 'maxCallsByIp', metrics.maxCallsByIp.key, metrics.maxCallsByIp.count, undefined, undefined]));
  scalar('ec2SuccessfulCalls', metrics.ec2SuccessfulCalls);
  scalar('anomalyScore', metrics.anomalyScore);
  for (const [id, value] of Object.entries(metrics.custom ?? {})) {
    const metric = `custom.${id}`;
    if (typeof value === 'number') scalar(metric, value);
    else if (Array.isArray(value)) top(metric, value as TopEntry[]);
    else if (isDistinctCount(value)) rows.push(csvRow([start, end, metric, '', value.distinct, undefined, undefined]));
    else rows.push(csvRow([start, end, metric, JSON.stringify(value), undefined, undefined, undefined]));
  }
  return rows;
}

function isDistinctCount(value: unknown): value is { distinct: number } {
  return typeof value === 'object' && value !== null && typeof (value as { distinct?: unknown }).distinct === 'number';
}
