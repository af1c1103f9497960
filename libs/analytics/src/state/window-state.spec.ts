import { type AcceptedRecord } from '@trailpulse/event-schema';
import fc from 'fast-check';
import { countingMetric } from '../../test/counting-custom-metric';
import { apiCall, BASE_MS, iso, recordArbitrary, splitAt } from '../../test/records';
import { type CallFacts, factsFromRecord } from '../facts/call-facts';
import { type WindowPartial } from './window-partial';
import { WindowState, type WindowStateConfig } from './window-state';
import { WindowStateError } from './window-state-error';

const WINDOW_MS = 10_000;
const config: WindowStateConfig = { windowMs: WINDOW_MS, sketchCapacity: 64, customMetrics: [countingMetric()] };

function stateOf(records: readonly AcceptedRecord[], stateConfig: WindowStateConfig = config): WindowState {
  const state = new WindowState(BASE_MS, stateConfig);
  for (const { record, eventTimeMs } of records) state.add(factsFromRecord(record, eventTimeMs), record);
  return state;
}

/** A JSON round trip, as a checkpoint store or a worker message would do. */
const throughJson = (state: WindowState, stateConfig: WindowStateConfig = config): WindowState =>
  WindowState.restore(JSON.parse(JSON.stringify(state.snapshot())) as WindowPartial, stateConfig);

describe('WindowState', () => {
  it('merging partials of split input, in any order and grouping, with JSON round trips between, equals one state of all of it', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary(1), { maxLength: 120 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (records, cuts, picks, roundTrips) => {
          // Prepare: 2..5 partials; a random merge tree over them (any order, any grouping).
          const pool = splitAt(records, cuts).map((part) => stateOf(part));
          // Act
          let step = 0;
          while (pool.length > 1) {
            const into = pool.splice((picks[step] ?? 0) % pool.length, 1)[0] as WindowState;
            const from = pool.splice((picks[step + 1] ?? 0) % pool.length, 1)[0] as WindowState;
            const target = roundTrips[step] === true ? throughJson(into) : into;
            target.merge(roundTrips[step + 1] === true ? throughJson(from) : from);
            pool.push(target);
            step += 2;
          }
          // Assess
          const merged = pool[0] as WindowState;
          const whole = stateOf(records);
          expect(merged.snapshot()).toStrictEqual(whole.snapshot());
          expect(merged.toMetrics(10, 0)).toStrictEqual(whole.toMetrics(10, 0));
        },
      ),
    );
  });

  it('merge(split(x)) == run(x) also when lists overflow their sketches: the window totals stay exact', () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary(1), { maxLength: 120 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (records, cuts) => {
        // Prepare: capacity 2 so topApiCalls, topUsers and topIps all overflow.
        const tiny: WindowStateConfig = { ...config, sketchCapacity: 2 };
        const merged = new WindowState(BASE_MS, tiny);
        // Act
        for (const part of splitAt(records, cuts)) merged.merge(throughJson(stateOf(part, tiny), tiny));
        // Assess
        const { topApiCalls: _a, topUsers: _u, topIps: _i, maxCallsByIp: _m, approximate: _x, ...exactMetrics } = merged.toMetrics(2, 0);
        const { topApiCalls: _b, topUsers: _v, topIps: _j, maxCallsByIp: _n, approximate: _y, ...wholeExact } = stateOf(records, tiny).toMetrics(2, 0);
        expect(exactMetrics).toStrictEqual(wholeExact);
      }),
    );
  });

  it('counts only API calls in the built-in metrics but offers every accepted record to custom metrics (metrics.md "Input")', () => {
    // Prepare
    const records = [
      apiCall(iso(BASE_MS)),
      apiCall(iso(BASE_MS + 1), { eventType: 'AwsConsoleSignIn', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin' }),
      apiCall(iso(BASE_MS + 2), { eventType: 'AwsApiCall', errorCode: 'AccessDenied' }),
    ];
    // Act
    const metrics = stateOf(records).toMetrics(10, 1.5);
    // Assess
    expect(metrics.totalCalls).toBe(2);
    expect(metrics.callsByService).toStrictEqual({ 'ec2.amazonaws.com': 2 });
    expect(metrics.custom).toStrictEqual({ counting: { byEventType: { '(absent)': 1, AwsApiCall: 1, AwsConsoleSignIn: 1 }, failedCalls: 1 } });
    expect(metrics.anomalyScore).toBe(1.5);
  });

  it('shapes metrics exactly as metrics.md: all five categories, ec2SuccessfulCalls, maxCallsByIp ties to the smallest key, no approximate or custom keys when unused', () => {
    // Prepare
    const records = [
      apiCall(iso(BASE_MS), { sourceIPAddress: '10.0.0.9', errorCode: '' }),
      apiCall(iso(BASE_MS + 1), { sourceIPAddress: '10.0.0.10', errorCode: null }),
      apiCall(iso(BASE_MS + 2), { sourceIPAddress: '10.0.0.9', errorCode: 'Client.UnauthorizedOperation' }),
      apiCall(iso(BASE_MS + 3), { sourceIPAddress: '10.0.0.10', eventSource: 's3.amazonaws.com', eventName: 'DeleteBucket' }),
      apiCall(iso(BASE_MS + 4), { sourceIPAddress: undefined, eventName: 'RunInstances', readOnly: 'true' }),
    ];
    // Act
    const metrics = stateOf(records, { ...config, customMetrics: [] }).toMetrics(10, 0);
    // Assess
    expect(metrics).toStrictEqual({
      totalCalls: 5,
      callsByService: { 'ec2.amazonaws.com': 4, 's3.amazonaws.com': 1 },
      callsByCategory: { create: 0, modify: 0, delete: 1, read: 4, other: 0 },
      topApiCalls: [
        { key: 'ec2.amazonaws.com:DescribeInstances', count: 3 },
        { key: 'ec2.amazonaws.com:RunInstances', count: 1 },
        { key: 's3.amazonaws.com:DeleteBucket', count: 1 },
      ],
      topUsers: [{ key: 'unknown', count: 5 }],
      topIps: [
        { key: '10.0.0.10', count: 2 },
        { key: '10.0.0.9', count: 2 },
        { key: 'unknown', count: 1 },
      ],
      maxCallsByIp: { key: '10.0.0.10', count: 2 },
      ec2SuccessfulCalls: 3,
      anomalyScore: 0,
    });
  });

  it('keeps keys such as "__proto__" and "constructor" as plain data, through JSON too', () => {
    // Prepare
    const withOddIds: WindowStateConfig = { ...config, customMetrics: [countingMetric('constructor')] };
    const records = [apiCall(iso(BASE_MS), { eventSource: '__proto__', eventName: 'constructor', sourceIPAddress: '__proto__' })];
    // Act
    const metrics = throughJson(stateOf(records, withOddIds), withOddIds).toMetrics(10, 0);
    // Assess
    expect(Object.getPrototypeOf(metrics.callsByService)).toBe(Object.prototype);
    expect(Object.entries(metrics.callsByService)).toEqual([['__proto__', 1]]);
    expect(metrics.topApiCalls).toEqual([{ key: '__proto__:constructor', count: 1 }]);
    expect(metrics.maxCallsByIp).toEqual({ key: '__proto__', count: 1 });
    expect(Object.keys(metrics.custom ?? {})).toEqual(['constructor']);
    const writtenBeforeTheMetric = stateOf(records, { ...config, customMetrics: [] }).snapshot();
    expect(WindowState.restore(writtenBeforeTheMetric, withOddIds).toMetrics(10, 0).custom).toEqual({ constructor: { byEventType: {}, failedCalls: 0 } });
  });

  it('names the lists that may not be exact in approximate and gives their entries an error (metrics.md "Top-K lists")', () => {
    // Prepare
    const records = ['a', 'b', 'c', 'a'].map((ip, i) => apiCall(iso(BASE_MS + i), { sourceIPAddress: ip }));
    // Act
    const metrics = stateOf(records, { ...config, sketchCapacity: 2 }).toMetrics(2, 0);
    // Assess
    expect(metrics.approximate).toEqual(['topIps']);
    expect(metrics.topIps).toEqual([
      { key: 'a', count: 2, error: 0 },
      { key: 'c', count: 2, error: 1 },
    ]);
    expect(metrics.topApiCalls).toEqual([{ key: 'ec2.amazonaws.com:DescribeInstances', count: 4 }]);
  });

  it('serializes a window with 1,000,000 distinct source IPs in less than 1 MB (Lambda tumbling-window state limit, ADR 0002)', () => {
    // Prepare: one facts object, its IP changed per call, so the test measures the state and not the garbage collector.
    const { record, eventTimeMs } = apiCall(iso(BASE_MS));
    const facts: { -readonly [K in keyof CallFacts]: CallFacts[K] } = { ...factsFromRecord(record, eventTimeMs) };
    const state = new WindowState(BASE_MS, { windowMs: WINDOW_MS, sketchCapacity: 10_000, customMetrics: [] });
    // Act
    for (let i = 0; i < 1_000_000; i++) {
      facts.sourceIp = `${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}.${i % 7}`;
      state.add(facts, record);
    }
    const bytes = new TextEncoder().encode(JSON.stringify(state.snapshot())).byteLength;
    // Assess
    expect(state.totalCalls).toBe(1_000_000);
    expect(state.toMetrics(10, 0).approximate).toEqual(['topIps']);
    expect(bytes).toBeLessThan(1_000_000);
  });

  it.each<[string, (partial: WindowPartial) => unknown]>([
    ['another version', (partial) => ({ ...partial, version: 2 })],
    ['another window length', (partial) => ({ ...partial, windowMs: 60_000 })],
    ['an unaligned start', (partial) => ({ ...partial, startMs: partial.startMs + 1 })],
    ['another sketch capacity', (partial) => ({ ...partial, topIps: { ...partial.topIps, capacity: 8 } })],
    ['a corrupt sketch', (partial) => ({ ...partial, topUsers: { ...partial.topUsers, counts: ['x'] } })],
    ['categories that do not add up', (partial) => ({ ...partial, categories: [0, 0, 0, 0, 0] })],
    ['services that do not add up', (partial) => ({ ...partial, services: [['ec2.amazonaws.com'], [7]] })],
    ['a repeated service', (partial) => ({ ...partial, services: [['a', 'a'], [1, 0]] })],
  ])('refuses to restore a partial with %s', (_case, corrupt) => {
    // Prepare
    const partial = stateOf([apiCall(iso(BASE_MS))]).snapshot();
    // Act + Assess
    expect(() => WindowState.restore(corrupt(partial) as WindowPartial, config)).toThrow(WindowStateError);
  });

  it('explains a custom metric that cannot restore its state, with the cause attached', () => {
    // Prepare
    const failing = { ...countingMetric(), restoreAccumulator: (): never => { throw new Error('bad state'); } };
    const partial = stateOf([apiCall(iso(BASE_MS))]).snapshot();
    // Act
    const attempt = (): WindowState => WindowState.restore(partial, { ...config, customMetrics: [failing] });
    // Assess
    expect(attempt).toThrow(expect.objectContaining({ name: 'WindowStateError', cause: expect.objectContaining({ message: 'bad state' }) }));
  });

  it('rolled up: fine windows copied into the coarse window holding them merge to one state of all their records at the coarse length', () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary(12), { maxLength: 150 }), fc.constantFrom(2, 64), (records, sketchCapacity) => {
        // Prepare: 12 windows of 10 s, i.e. two minutes; each fine window's records in its own state
        const fine: WindowStateConfig = { windowMs: WINDOW_MS, sketchCapacity, customMetrics: [] };
        const byWindow = new Map<number, AcceptedRecord[]>();
        for (const record of records) {
          const startMs = Math.floor(record.eventTimeMs / WINDOW_MS) * WINDOW_MS;
          byWindow.set(startMs, [...(byWindow.get(startMs) ?? []), record]);
        }
        const coarse = new Map<number, WindowState>();
        // Act: roll each fine state up into 60 s and merge it into that minute's state
        for (const [startMs, part] of byWindow) {
          const state = new WindowState(startMs, fine);
          for (const { record, eventTimeMs } of part) state.add(factsFromRecord(record, eventTimeMs), record);
          const rolled = state.rolledUp(60_000);
          const into = coarse.get(rolled.startMs);
          if (into === undefined) coarse.set(rolled.startMs, rolled);
          else into.merge(rolled);
          // the fine state is left as it was
          expect(state.totalCalls).toBe(part.filter(({ record }) => factsFromRecord(record, 0).isApiCall).length);
        }
        // Assess: each minute equals one state fed that minute's records (exact totals; the lists too while they fit)
        for (const [startMs, merged] of coarse) {
          const whole = new WindowState(startMs, { ...fine, windowMs: 60_000 });
          for (const { record, eventTimeMs } of records) if (eventTimeMs >= startMs && eventTimeMs < startMs + 60_000) whole.add(factsFromRecord(record, eventTimeMs), record);
          if (sketchCapacity === 64) expect(merged.snapshot()).toStrictEqual(whole.snapshot());
          else expect(merged.toMetrics(2, 0).callsByCategory).toStrictEqual(whole.toMetrics(2, 0).callsByCategory);
          expect(merged.totalCalls).toBe(whole.totalCalls);
        }
      }),
    );
  });

  it('refuses to roll up into a length that is not a larger multiple, or a state with custom metrics', () => {
    // Prepare
    const plain = new WindowState(BASE_MS, { ...config, customMetrics: [] });
    // Act + Assess
    expect(() => plain.rolledUp(WINDOW_MS)).toThrow('cannot roll 10000 ms windows up into 10000 ms windows: not a larger multiple');
    expect(() => plain.rolledUp(25_000)).toThrow(WindowStateError);
    expect(() => stateOf([]).rolledUp(60_000)).toThrow('cannot roll up a window state with custom metrics');
    expect(plain.rolledUp(60_000).startMs).toBe(BASE_MS);
    expect(new WindowState(BASE_MS + 50_000, plain.config).rolledUp(60_000).startMs).toBe(BASE_MS);
  });

  it('refuses to merge different windows or differently configured states', () => {
    // Prepare
    const state = stateOf([]);
    // Act + Assess
    expect(() => state.merge(new WindowState(BASE_MS + WINDOW_MS, config))).toThrow(WindowStateError);
    expect(() => state.merge(new WindowState(BASE_MS, { ...config, customMetrics: [] }))).toThrow(WindowStateError);
  });
});
