import { type CompiledCustomMetricDefinition, createEngine, type WindowPartial } from '@trailpulse/analytics';
import fc from 'fast-check';
import { testCustomMetrics } from '../../test/custom-metrics';
import { BASE_MS, trafficRecords } from '../../test/records';
import { type StoredWindow } from '../row/stored-window';
import { customCatalog } from './custom-catalog';
import { DecodedWindow } from './decoded-window';

const METRICS: readonly CompiledCustomMetricDefinition[] = testCustomMetrics();
const CATALOG = customCatalog(METRICS);

/** The 60 s window at BASE_MS of `count` records starting `offset` records into the traffic, as a row body holds it. */
function storedPart(count: number, offset: number, ips: number, sketchCapacity: number): StoredWindow {
  const records = trafficRecords(count + offset, { spanMs: 50_000, ips }).slice(offset);
  const engine = createEngine({ windowSeconds: 60, customMetrics: METRICS, sketchCapacity, topK: Math.min(10, sketchCapacity) });
  for (const record of records) engine.add(record);
  const window = engine.snapshot().windows.find((w) => w.partial.startMs === BASE_MS);
  if (window === undefined) throw new Error('test traffic left the window at BASE_MS empty');
  const { custom = {}, ...partial } = window.partial as WindowPartial & { custom?: Record<string, unknown> };
  const fp = (id: string): string => (CATALOG.get(id) as { fp: string }).fp;
  return { partial, custom: Object.fromEntries(Object.entries(custom).map(([id, state]) => [id, { fp: fp(id), state }])) };
}

/** What a row body is after a write and a read: JSON. */
const throughJson = (stored: StoredWindow): StoredWindow => JSON.parse(JSON.stringify(stored)) as StoredWindow;

describe('DecodedWindow: merging into a window kept decoded equals merging into one restored from its body', () => {
  it('on generated merge sequences (sketches overflowing or not, custom states too), body after body', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ count: fc.integer({ min: 1, max: 120 }), offset: fc.nat(500), batch: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(3, 16, 1000),
        fc.integer({ min: 5, max: 80 }),
        (writes, sketchCapacity, ips) => {
          // Prepare: each write is a batch of 1-3 parts folded together first (as a store batch
          // merges every series' share of a row), then merged into the row
          const batches = writes.map(({ count, offset, batch }) => Array.from({ length: batch }, (_, i) => storedPart(count, offset + i * 37, ips, sketchCapacity)));
          let kept: DecodedWindow | undefined;
          let body: StoredWindow | undefined;
          for (const parts of batches) {
            const decodedParts = parts.map((part) => DecodedWindow.fromStored(part, sketchCapacity, 'incoming'));
            const group = (decodedParts[0] as DecodedWindow).copyForMerging();
            for (const part of decodedParts.slice(1)) group.merge(part, 'incoming', CATALOG);
            // Act: the cached path merges into the window it kept; the reference restores the last body
            if (kept === undefined) kept = group;
            else kept.merge(group, 'incoming', CATALOG);
            const cachedBody = throughJson(kept.toStored(true));
            const restored = body === undefined ? undefined : DecodedWindow.fromStored(throughJson(body), sketchCapacity, 'stored');
            restored?.merge(group, 'incoming', CATALOG);
            body = throughJson((restored ?? group).toStored());
            // Assess: the same state (canonical snapshots: bodies keep the sketches' slot order), and the same metrics read from it
            expect(cachedBody).toStrictEqual(throughJson(DecodedWindow.fromStored(body, sketchCapacity, 'stored').toStored(true)));
            expect(kept.toMetrics(10, 0)).toStrictEqual(DecodedWindow.fromStored(body, sketchCapacity, 'stored').toMetrics(10, 0));
            expect(kept.customResults(CATALOG)).toStrictEqual(DecodedWindow.fromStored(body, sketchCapacity, 'stored').customResults(CATALOG));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a merge leaves the window merged in unchanged, and a copy is independent of its original', () => {
    // Prepare
    const a = DecodedWindow.fromStored(storedPart(80, 0, 30, 16), 16, 'stored');
    const b = DecodedWindow.fromStored(storedPart(90, 200, 30, 16), 16, 'incoming');
    b.restoreCustom(CATALOG);
    const bBefore = throughJson(b.toStored(true));
    const copy = a.copyForMerging();
    const aBefore = throughJson(a.toStored(true));
    // Act: merge b into a copy of a, and a into a copy of b (b's custom states are restored ones)
    copy.merge(b, 'incoming', CATALOG);
    b.copyForMerging().merge(a, 'incoming', CATALOG);
    // Assess
    expect(throughJson(b.toStored(true))).toStrictEqual(bBefore);
    expect(throughJson(a.toStored(true))).toStrictEqual(aBefore);
    expect(copy.totalCalls).toBe(a.totalCalls + b.totalCalls);
  });

  it('rolls up into the coarse window holding it, leaving out custom metrics of a fixed window length', () => {
    // Prepare: a 10 s window's body, one custom metric fixed to 10 s windows
    const fixed = [...METRICS.slice(0, 1), { ...(METRICS[1] as CompiledCustomMetricDefinition), windowSeconds: 10 }];
    const catalog = customCatalog(fixed);
    const part = storedPart(50, 0, 20, 16);
    const tenSeconds = DecodedWindow.fromStored({ partial: { ...part.partial, startMs: BASE_MS + 20_000, windowMs: 10_000 }, custom: part.custom }, 16, 'incoming');
    // Act
    const rolled = tenSeconds.rolledUp(60, catalog);
    // Assess
    expect(rolled.startMs).toBe(BASE_MS);
    expect(rolled.windowMs).toBe(60_000);
    expect(rolled.totalCalls).toBe(tenSeconds.totalCalls);
    expect(Object.keys(rolled.toStored().custom)).toEqual(['denied-calls']);
    expect(() => tenSeconds.rolledUp(15, catalog)).toThrow('cannot roll 10 s windows up into 15 s windows: not a larger multiple');
  });

  it('names the side whose state cannot be restored', () => {
    // Prepare
    const part = storedPart(20, 0, 10, 16);
    const broken: StoredWindow = { ...part, custom: { 'denied-calls': { fp: (part.custom['denied-calls'] as { fp: string }).fp, state: { nonsense: true } } } };
    // Act + Assess
    expect(() => DecodedWindow.fromStored({ ...part, partial: { ...part.partial, totalCalls: -1 } }, 16, 'stored')).toThrow(expect.objectContaining({ name: 'SideStateError', side: 'stored' }));
    expect(() => DecodedWindow.fromStored(broken, 16, 'incoming').restoreCustom(CATALOG)).toThrow(expect.objectContaining({ side: 'incoming', message: expect.stringContaining('custom metric "denied-calls" state cannot be restored') }));
  });
});
