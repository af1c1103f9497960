import { type BatchOutput, type TopEntry, type WindowResult } from '@trailpulse/analytics';
import { csvRow } from './csv';
import { readCustomValue } from './custom-value';

/** Columns of `analyze --csv`: one row per metric value, so any spreadsheet or dataframe can pivot it. */
export const ANALYZE_CSV_HEADER = ['window_start', 'window_end', 'metric', 'key', 'count', 'error', 'rank'] as const;

/**
 * `trailpulse analyze --csv`: long format. Scalars (totalCalls, ec2SuccessfulCalls, anomalyScore)
 * have an empty key; maps (callsByService, callsByCategory) one row per key; top-K lists one row
 * per entry with its rank (1 = most calls) and error bound when approximate; custom metrics as
 * `custom.<id>` in the same way. errorRate: `custom.<id>.calls` and `.errors`, and per spike (ranked)
 * `.spike.errors` and `.spike.score` keyed by the spike's key; firstSeen: `custom.<id>` is the number
 * of new keys, `.new` lists them (the key is the tuple as JSON); a metric's anomaly score is
 * `custom.<id>.anomalyScore`.
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
  for (const [id, raw] of Object.entries(metrics.custom ?? {})) {
    const metric = `custom.${id}`;
    const value = readCustomValue(raw);
    switch (value.kind) {
      case 'count':
        scalar(metric, value.count);
        break;
      case 'top':
        top(metric, value.entries);
        break;
      case 'distinct':
        scalar(metric, value.distinct);
        break;
      case 'errorRate':
        scalar(`${metric}.calls`, value.calls);
        scalar(`${metric}.errors`, value.errors);
        value.spikes.forEach((spike, i) => {
          rows.push(csvRow([start, end, `${metric}.spike.errors`, spike.key, spike.errors, undefined, i + 1]));
          rows.push(csvRow([start, end, `${metric}.spike.score`, spike.key, spike.score, undefined, i + 1]));
        });
        break;
      case 'firstSeen':
        scalar(metric, value.count);
        value.keys.forEach((tuple, i) => rows.push(csvRow([start, end, `${metric}.new`, JSON.stringify(tuple), 1, undefined, i + 1])));
        break;
      case 'other':
        rows.push(csvRow([start, end, metric, JSON.stringify(value.value), undefined, undefined, undefined]));
        break;
    }
    if (value.kind !== 'other' && value.anomalyScore !== undefined) scalar(`${metric}.anomalyScore`, value.anomalyScore);
  }
  return rows;
}
