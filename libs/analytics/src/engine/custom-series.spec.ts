import { DEFAULT_DETECTOR, findDetector } from '@trailpulse/anomaly';
import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { compileCustomMetric } from '../custom/compile';
import { parseCustomMetricDefinitions } from '../custom/parse-definitions';
import { apiCall, factsOf } from '../custom/testing/records';
import { type WindowResult } from '../output/metrics-output';
import { createEngine, type Engine } from './engine';
import { EngineStateError } from './engine-errors';
import { type EngineSnapshot } from './engine-snapshot';

const T0 = Date.UTC(2024, 5, 1, 12, 0, 0);
const MINUTE = 60_000;

const DEFINITIONS = `
- id: denied-calls
  title: Denied calls
  filter: { field: $errorClass, equals: access-denied }
  measure: count
  anomaly: true
- id: denied-bursts
  title: Denied bursts
  measure: { errorRate: { by: $identity, errors: { field: $errorClass, equals: access-denied } } }
  anomaly: true
- id: new-api
  title: New principal x API
  measure: { firstSeen: { fields: [$identity, $apiCall], learnFor: 3m } }
- id: plain
  title: Plain count
  measure: count
`;

function metrics() {
  return parseCustomMetricDefinitions(DEFINITIONS, 'series.yaml').map((definition) => compileCustomMetric(definition));
}

function engine(): Engine {
  return createEngine({ windowSeconds: 60, customMetrics: metrics(), clock: { now: () => 0 } });
}

/** A call at `ms` by `user`; refused when `denied`. */
function call(ms: number, user: string, eventName: string, denied = false): CloudTrailLikeRecord {
  return apiCall({
    eventTime: new Date(ms).toISOString(),
    eventName,
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${user}` },
    ...(denied ? { errorCode: 'AccessDenied' } : {}),
  });
}

/** 30 minutes of traffic: 5 users, a few APIs, rare refusals, one burst at minute 20 and a new API at minute 25. */
function traffic(): CloudTrailLikeRecord[] {
  const records: CloudTrailLikeRecord[] = [];
  for (let minute = 0; minute < 30; minute++) {
    for (let i = 0; i < 40; i++) {
      const ms = T0 + minute * MINUTE + i * 1_400;
      records.push(call(ms, `u${i % 5}`, ['DescribeInstances', 'ListBuckets', 'GetObject'][i % 3] as string, (minute * 40 + i) % 97 === 0));
    }
    if (minute === 20) for (let i = 0; i < 25; i++) records.push(call(T0 + minute * MINUTE + 500 + i, 'u2', 'GetPasswordData', true));
    if (minute === 25) records.push(call(T0 + minute * MINUTE + 700, 'u4', 'StopLogging'));
  }
  return records;
}

function feed(target: Engine, records: readonly CloudTrailLikeRecord[]): void {
  for (const record of records) target.addFacts(factsOf(record), record);
}

const custom = (window: WindowResult | undefined, id: string) => window?.metrics.custom?.[id] as Record<string, unknown>;

describe('engine: custom metric series (anomaly, errorRate, firstSeen)', () => {
  it('scores `anomaly: true` metrics with the registry default detector over the metric\'s own series', () => {
    // Prepare
    const records = traffic();
    const detector = findDetector(DEFAULT_DETECTOR).factory().create();
    // Act
    const batch = engine();
    feed(batch, records);
    const windows = batch.flush();
    // Assess: an independent detector fed the per-window denied counts gives the same scores.
    const denied = windows.map((w) => custom(w, 'denied-calls'));
    const expected = windows.map((w, i) => detector.update(Date.parse(w.start), (denied[i]?.['count'] as number) ?? Number.NaN));
    expect(denied.map((value) => value['anomalyScore'])).toEqual(expected);
    expect(Object.keys(denied[0] ?? {}).sort()).toEqual(['anomalyScore', 'count']);
    expect(typeof windows[0]?.metrics.custom?.['plain']).toBe('number');
  });

  it('finds the burst and the new API in order, after the warm-up', () => {
    const batch = engine();
    feed(batch, traffic());
    const windows = batch.flush();
    const spikes = windows.map((w) => (custom(w, 'denied-bursts')['spikes'] as { key: string }[]).map((spike) => spike.key));
    expect(spikes.flatMap((keys, minute) => keys.map((key) => [minute, key]))).toEqual([[20, 'arn:aws:iam::111122223333:user/u2']]);
    const news = windows.map((w) => custom(w, 'new-api'));
    expect(news.slice(0, 3).every((value) => value['learning'] === true)).toBe(true);
    expect(news.flatMap((value, minute) => ((value['count'] as number) > 0 ? [[minute, value['keys']]] : []))).toEqual([
      [20, [['arn:aws:iam::111122223333:user/u2', 'ec2.amazonaws.com:GetPasswordData']]],
      [25, [['arn:aws:iam::111122223333:user/u4', 'ec2.amazonaws.com:StopLogging']]],
    ]);
  });

  it('continues every series from a snapshot (through JSON) as an uninterrupted streaming run would', () => {
    // Prepare: streaming, a close every 5 minutes; the resumed engine is snapshotted and rebuilt at each close.
    const records = traffic();
    const uninterrupted = engine();
    let resumed = engine();
    const expected: WindowResult[] = [];
    const actual: WindowResult[] = [];
    // Act
    for (let block = 0; block < 6; block++) {
      const slice = records.filter((r) => Math.floor((Date.parse(r.eventTime) - T0) / (5 * MINUTE)) === block);
      feed(uninterrupted, slice);
      feed(resumed, slice);
      const watermark = T0 + (block + 1) * 5 * MINUTE;
      expected.push(...uninterrupted.closeWindowsBefore(watermark));
      actual.push(...resumed.closeWindowsBefore(watermark));
      const saved = JSON.parse(JSON.stringify(resumed.snapshot())) as EngineSnapshot;
      resumed = engine();
      resumed.restore(saved);
    }
    // Assess
    expect(actual).toEqual(expected);
    expect(actual).toHaveLength(30);
    expect(resumed.snapshot()).toEqual(uninterrupted.snapshot());
  });

  it('does not let late records or late windows teach the series: revisions repeat first scores, state equals the run without them', () => {
    // Prepare
    const records = traffic();
    const clean = engine();
    const disturbed = engine();
    feed(clean, records);
    feed(disturbed, records);
    const first = disturbed.closeWindowsBefore(T0 + 30 * MINUTE);
    clean.closeWindowsBefore(T0 + 30 * MINUTE);
    // Act: a late burst of refusals lands in minute 10, already emitted.
    const late = Array.from({ length: 30 }, (_, i) => call(T0 + 10 * MINUTE + 100 + i, 'u1', 'DescribeInstances', true));
    feed(disturbed, late);
    const [revision] = disturbed.closeWindowsBefore(T0 + 31 * MINUTE);
    // Assess: the revision shows the late burst but repeats its first anomaly scores...
    expect(revision?.start).toBe(first[10]?.start);
    expect(custom(revision, 'denied-calls')['count']).toBe((custom(first[10], 'denied-calls')['count'] as number) + 30);
    expect(custom(revision, 'denied-calls')['anomalyScore']).toBe(custom(first[10], 'denied-calls')['anomalyScore']);
    expect(custom(revision, 'denied-bursts')['anomalyScore']).toBe(custom(first[10], 'denied-bursts')['anomalyScore']);
    expect((custom(revision, 'denied-bursts')['spikes'] as { key: string }[]).map((s) => s.key)).toEqual(['arn:aws:iam::111122223333:user/u1']);
    // ...and the detectors and errorRate baselines are exactly those of the run without it.
    const seriesOf = (target: Engine) => target.snapshot().customSeries;
    expect(seriesOf(disturbed)?.['denied-bursts']).toEqual(seriesOf(clean)?.['denied-bursts']);
    expect(seriesOf(disturbed)?.['denied-calls']).toEqual(seriesOf(clean)?.['denied-calls']);
  });

  it('reads a version 1 snapshot (no series: they start afresh) and refuses corrupt series state', () => {
    const source = engine();
    feed(source, traffic().slice(0, 200));
    const { customSeries: _series, ...v2 } = source.snapshot();
    const v1 = { ...v2, version: 1, windows: v2.windows.map(({ customMemos: _memos, ...window }) => window) };
    const target = engine();
    expect(() => target.restore(v1)).not.toThrow();
    const corrupt = JSON.parse(JSON.stringify(source.snapshot())) as EngineSnapshot & { customSeries: Record<string, { series: { keys: unknown } }> };
    source.closeWindowsBefore(T0 + 2 * MINUTE);
    const withMemos = JSON.parse(JSON.stringify(source.snapshot())) as EngineSnapshot;
    (corrupt.customSeries['new-api'] as { series: { keys: unknown } }).series.keys = 'not a list';
    expect(() => engine().restore(corrupt)).toThrow(EngineStateError);
    expect(() => engine().restore(corrupt)).toThrow('custom metric "new-api"');
    const badMemo = { ...withMemos, windows: withMemos.windows.map((w) => ({ ...w, customMemos: { 'denied-calls': { anomalyScore: -1 } } })) };
    expect(() => engine().restore(badMemo)).toThrow('anomalyScore -1');
  });
});
