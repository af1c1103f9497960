import { type AnomalyDetector, type DetectorFactory, type DetectorState, ewmaZScore } from '@trailpulse/anomaly';
import { type AcceptedRecord } from '@trailpulse/event-schema';
import { countingMetric } from '../../test/counting-custom-metric';
import { apiCall, BASE_MS, iso } from '../../test/records';
import { type WindowResult } from '../output/metrics-output';
import { createEngine, type Engine } from './engine';
import { EngineOptionsError, EngineStateError } from './engine-errors';
import { type EngineOptions } from './engine-options';
import { type EngineSnapshot } from './engine-snapshot';

/** Virtual processing time for tick(). */
class VirtualClock {
  constructor(public nowMs: number) {}
  now(): number {
    return this.nowMs;
  }
}

/** A detector that scores each point with how many points it learned before: makes scoring order visible. */
function countingDetector(): DetectorFactory & { readonly learned: [number, number][] } {
  const learned: [number, number][] = [];
  const detector = (seen: number): AnomalyDetector => ({
    update(timestampMs, value) {
      learned.push([timestampMs, value]);
      return seen++;
    },
    snapshot: (): DetectorState => ({ detector: 'counting', version: 1, data: seen }),
  });
  return { name: 'counting', learned, create: () => detector(0), restore: (state) => detector(state.data as number) };
}

const at = (seconds: number): string => iso(BASE_MS + seconds * 1000);
const summary = (results: readonly WindowResult[]): [string, number, number][] =>
  results.map(({ start, metrics }) => [start, metrics.totalCalls, metrics.anomalyScore]);

function streamingEngine(clock: VirtualClock, options: Partial<EngineOptions> = {}): Engine {
  return createEngine({ windowSeconds: 60, clock, detector: countingDetector(), ...options });
}

function addAll(engine: Engine, records: readonly AcceptedRecord[]): void {
  for (const record of records) engine.add(record);
}

describe('streaming engine on virtual time', () => {
  it('closes a window only once the watermark reaches its end, in start order (metrics.md "Windows": half-open [start, end))', () => {
    // Prepare
    const clock = new VirtualClock(BASE_MS);
    const engine = streamingEngine(clock);
    addAll(engine, [apiCall(at(5)), apiCall(at(65)), apiCall(at(59.999)), apiCall(at(60))]);
    // Act
    clock.nowMs = BASE_MS + 59_999;
    const beforeEnd = engine.tick();
    clock.nowMs = BASE_MS + 60_000;
    const atEnd = engine.tick();
    clock.nowMs = BASE_MS + 600_000;
    const later = engine.tick();
    // Assess
    expect(beforeEnd).toEqual([]);
    expect(summary(atEnd)).toEqual([[at(0), 2, 0]]);
    expect(atEnd[0]?.end).toBe(at(60));
    expect(summary(later)).toEqual([[at(60), 2, 1]]);
  });

  it('waits for the allowed lateness before closing', () => {
    // Prepare
    const clock = new VirtualClock(BASE_MS);
    const engine = streamingEngine(clock, { allowedLatenessMs: 30_000 });
    engine.add(apiCall(at(1)));
    // Act
    const early = engine.closeWindowsBefore(BASE_MS + 89_999);
    const due = engine.closeWindowsBefore(BASE_MS + 90_000);
    // Assess
    expect(early).toEqual([]);
    expect(summary(due)).toEqual([[at(0), 1, 0]]);
  });

  it('merges a late record into the window its eventTime belongs to, never into "now", and re-emits it with its first score', () => {
    // Prepare
    const clock = new VirtualClock(BASE_MS + 60_000);
    const detector = countingDetector();
    const engine = streamingEngine(clock, { detector });
    addAll(engine, [apiCall(at(10)), apiCall(at(70))]);
    const first = engine.tick();
    clock.nowMs = BASE_MS + 120_000;
    const second = engine.tick();
    // Act: a record of the first window arrives while the third is open.
    addAll(engine, [apiCall(at(125)), apiCall(at(20), { sourceIPAddress: '10.9.9.9' })]);
    const revision = engine.tick();
    const nothingNew = engine.tick();
    // Assess
    expect(summary(first)).toEqual([[at(0), 1, 0]]);
    expect(summary(second)).toEqual([[at(60), 1, 1]]);
    expect(summary(revision)).toEqual([[at(0), 2, 0]]);
    expect(revision[0]?.metrics.topIps).toEqual([
      { key: '10.0.0.1', count: 1 },
      { key: '10.9.9.9', count: 1 },
    ]);
    expect(nothingNew).toEqual([]);
    expect(detector.learned).toEqual([
      [BASE_MS, 1],
      [BASE_MS + 60_000, 1],
    ]);
    clock.nowMs = BASE_MS + 180_000;
    expect(summary(engine.tick())).toEqual([[at(120), 1, 2]]);
  });

  it('works with 10 s windows (metrics.md "10 s must work")', () => {
    // Prepare
    const clock = new VirtualClock(BASE_MS);
    const engine = streamingEngine(clock, { windowSeconds: 10 });
    const emitted: WindowResult[] = [];
    // Act: one call every 2.5 s for 100 s, ticking every second.
    for (let ms = 0; ms < 100_000; ms += 2_500) {
      engine.add(apiCall(iso(BASE_MS + ms)));
      clock.nowMs = BASE_MS + ms;
      emitted.push(...engine.tick());
    }
    clock.nowMs = BASE_MS + 100_000;
    emitted.push(...engine.tick());
    // Assess
    expect(emitted.map(({ start, end, metrics }) => [start, end, metrics.totalCalls])).toEqual(
      Array.from({ length: 10 }, (_, i) => [at(i * 10), at(i * 10 + 10), 4]),
    );
  });

  it('holds only open windows and those still open to revision (bounded state)', () => {
    // Prepare
    const clock = new VirtualClock(BASE_MS);
    const engine = streamingEngine(clock, { windowSeconds: 10, revisionHorizonMs: 60_000 });
    let mostHeld = 0;
    // Act: an hour of traffic, a call per second, ticking as time passes.
    for (let second = 0; second < 3600; second++) {
      engine.add(apiCall(at(second)));
      clock.nowMs = BASE_MS + second * 1000;
      engine.tick();
      mostHeld = Math.max(mostHeld, engine.heldWindows);
    }
    // Assess: the open window plus 60 s of closed 10 s windows.
    expect(mostHeld).toBeLessThanOrEqual(8);
  });

  it('starts a window afresh when a record arrives after its state was evicted, and scores it on a copy of the detector (no out-of-order learning)', () => {
    // Prepare
    const clock = new VirtualClock(BASE_MS);
    const detector = countingDetector();
    const engine = streamingEngine(clock, { detector, revisionHorizonMs: 0 });
    addAll(engine, [apiCall(at(1)), apiCall(at(2)), apiCall(at(61))]);
    clock.nowMs = BASE_MS + 120_000;
    engine.tick();
    // Act
    engine.add(apiCall(at(3)));
    const reopened = engine.tick();
    // Assess
    expect(summary(reopened)).toEqual([[at(0), 1, 2]]);
    expect(detector.learned.map(([start]) => start)).toEqual([BASE_MS, BASE_MS + 60_000, BASE_MS]);
    engine.add(apiCall(at(121)));
    clock.nowMs = BASE_MS + 180_000;
    expect(summary(engine.tick())).toEqual([[at(120), 1, 2]]);
  });

  it('never emits windows without API calls, nor shows them to the detector (metrics.md "Batch output")', () => {
    // Prepare
    const clock = new VirtualClock(BASE_MS + 120_000);
    const detector = countingDetector();
    const engine = streamingEngine(clock, { detector, customMetrics: [countingMetric()] });
    addAll(engine, [apiCall(at(1), { eventType: 'AwsConsoleSignIn' }), apiCall(at(61))]);
    // Act
    const results = engine.tick();
    // Assess
    expect(summary(results)).toEqual([[at(60), 1, 0]]);
    expect(detector.learned).toEqual([[BASE_MS + 60_000, 1]]);
  });

  it('never moves the watermark back', () => {
    // Prepare
    const engine = streamingEngine(new VirtualClock(0));
    engine.closeWindowsBefore(BASE_MS + 120_000);
    engine.add(apiCall(at(70)));
    // Act
    const results = engine.closeWindowsBefore(BASE_MS);
    // Assess
    expect(summary(results)).toEqual([[at(60), 1, 0]]);
  });

  it('handles times before 1970 (epoch-aligned, floored windows)', () => {
    // Prepare
    const engine = streamingEngine(new VirtualClock(0));
    // Act
    engine.add(apiCall('1969-12-31T23:59:59.999Z'));
    const results = engine.flush();
    // Assess
    expect(results.map(({ start, end }) => [start, end])).toEqual([['1969-12-31T23:59:00.000Z', '1970-01-01T00:00:00.000Z']]);
  });

  it('continues after snapshot -> JSON -> restore exactly as if it had never stopped', () => {
    // Prepare: 40 calls 7 s apart over 60 s windows, a late record, a tick after every call.
    const records = Array.from({ length: 40 }, (_, i) => apiCall(at(i * 7), { sourceIPAddress: `10.0.0.${i % 5}` }));
    const late = apiCall(at(3), { eventName: 'RunInstances' });
    const options = (): Partial<EngineOptions> => ({ detector: ewmaZScore({ warmUp: 1 }), customMetrics: [countingMetric()] });
    const drive = (stopAndResume: boolean): WindowResult[] => {
      const clock = new VirtualClock(BASE_MS);
      let engine = streamingEngine(clock, options());
      const results: WindowResult[] = [];
      records.forEach((record, i) => {
        engine.add(record);
        clock.nowMs = BASE_MS + i * 7000;
        results.push(...engine.tick());
        if (i !== 20) return;
        engine.add(late);
        if (!stopAndResume) return;
        const snapshot = JSON.parse(JSON.stringify(engine.snapshot())) as EngineSnapshot;
        engine = streamingEngine(clock, options());
        engine.restore(snapshot);
      });
      return [...results, ...engine.flush()];
    };
    // Act
    const resumed = drive(true);
    // Assess
    const uninterrupted = drive(false);
    expect(resumed).toStrictEqual(uninterrupted);
    expect(uninterrupted.filter(({ start }) => start === at(0))).toHaveLength(2);
    expect(uninterrupted.some(({ metrics }) => metrics.anomalyScore > 0)).toBe(true);
  });

  it('flush emits every window sorted by start and releases all window state', () => {
    // Prepare
    const engine = streamingEngine(new VirtualClock(0));
    addAll(engine, [apiCall(at(300)), apiCall(at(0)), apiCall(at(120))]);
    // Act
    const results = engine.flush();
    // Assess
    expect(results.map(({ start }) => start)).toEqual([at(0), at(120), at(300)]);
    expect(engine.heldWindows).toBe(0);
    expect(engine.flush()).toEqual([]);
  });
});

describe('engine options and state checks', () => {
  it.each<[string, Partial<EngineOptions>, RegExp]>([
    ['a window below 10 s', { windowSeconds: 5 }, /10 s to 3600 s/],
    ['a window above an hour', { windowSeconds: 7200 }, /10 s to 3600 s/],
    ['topK 0', { topK: 0 }, /topK must be a positive integer/],
    ['topK above the sketch capacity', { topK: 20, sketchCapacity: 10 }, /cannot exceed sketchCapacity/],
    ['a negative lateness', { allowedLatenessMs: -1 }, /allowedLatenessMs/],
    ['a custom metric of another window length', { customMetrics: [countingMetric('c', 300)] }, /asks for 300 s windows/],
    ['a custom metric id twice', { customMetrics: [countingMetric('c'), countingMetric('c')] }, /defined twice/],
  ])('refuses %s with an EngineOptionsError', (_case, options, message) => {
    // Act
    const create = (): Engine => createEngine({ windowSeconds: 60, ...options });
    // Assess
    expect(create).toThrow(EngineOptionsError);
    expect(create).toThrow(message);
  });

  it.each<[string, (snapshot: EngineSnapshot) => unknown]>([
    ['another version', (snapshot) => ({ ...snapshot, version: 9 })],
    ['another window length', (snapshot) => ({ ...snapshot, windowSeconds: 10 })],
    ['another detector', (snapshot) => ({ ...snapshot, detector: { detector: 'other', version: 1, data: {} } })],
    ['a corrupt window', (snapshot) => ({ ...snapshot, windows: [{ ...snapshot.windows[0], partial: { version: 1 } }] })],
    ['a window twice', (snapshot) => ({ ...snapshot, windows: [snapshot.windows[0], snapshot.windows[0]] })],
    ['a negative anomaly score', (snapshot) => ({ ...snapshot, windows: [{ ...snapshot.windows[0], anomalyScore: -1 }] })],
  ])('refuses to restore a snapshot with %s, and keeps its own state', (_case, corrupt) => {
    // Prepare
    const source = createEngine({ windowSeconds: 60 });
    source.add(apiCall(at(1)));
    const engine = createEngine({ windowSeconds: 60 });
    engine.add(apiCall(at(61)));
    // Act
    const restore = (): void => engine.restore(corrupt(source.snapshot()) as EngineSnapshot);
    // Assess
    expect(restore).toThrow(EngineStateError);
    expect(engine.flush().map(({ start }) => start)).toEqual([at(60)]);
  });
});
