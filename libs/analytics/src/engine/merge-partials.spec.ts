import { ewmaZScore } from '@trailpulse/anomaly';
import { type AcceptedRecord } from '@trailpulse/event-schema';
import fc from 'fast-check';
import { countingMetric } from '../../test/counting-custom-metric';
import { apiCall, BASE_MS, iso, recordArbitrary, splitAt } from '../../test/records';
import { createEngine, type Engine } from './engine';
import { type EngineSnapshot } from './engine-snapshot';

const engineOf = (): Engine =>
  createEngine({ windowSeconds: 10, sketchCapacity: 64, customMetrics: [countingMetric()], detector: ewmaZScore({ warmUp: 1 }) });

function fed(records: readonly AcceptedRecord[]): Engine {
  const engine = engineOf();
  for (const record of records) engine.add(record);
  return engine;
}

/** A snapshot as another worker would send it: through JSON. */
const sent = (engine: Engine): EngineSnapshot => JSON.parse(JSON.stringify(engine.snapshot())) as EngineSnapshot;

describe('mergePartials (shards and workers each see part of the input)', () => {
  it('merging 2..5 partial engines in any order and grouping gives the output of one engine that saw everything (in reverse order)', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary(6), { maxLength: 150 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (records, cuts, picks, restoreBetween) => {
          // Prepare: one engine per part; then a random merge tree, each step sending snapshots through JSON,
          // sometimes restoring the receiving engine from its own snapshot first.
          const pool = splitAt(records, cuts).map(fed);
          // Act
          let step = 0;
          while (pool.length > 1) {
            let into = pool.splice((picks[step] ?? 0) % pool.length, 1)[0] as Engine;
            const from = pool.splice((picks[step + 1] ?? 0) % pool.length, 1)[0] as Engine;
            if (restoreBetween[step] === true) {
              const restored = engineOf();
              restored.restore(sent(into));
              into = restored;
            }
            into.mergePartials(sent(from));
            pool.push(into);
            step += 2;
          }
          // Assess
          const whole = fed([...records].reverse());
          expect((pool[0] as Engine).flush()).toStrictEqual(whole.flush());
        },
      ),
    );
  });

  it('counts a merged window this engine already closed as revised: the next close emits it again with its first score', () => {
    // Prepare
    const engine = fed([apiCall(iso(BASE_MS + 1)), apiCall(iso(BASE_MS + 2))]);
    const [emitted] = engine.closeWindowsBefore(BASE_MS + 10_000);
    // Act
    engine.mergePartials(sent(fed([apiCall(iso(BASE_MS + 3))])));
    const revised = engine.closeWindowsBefore(BASE_MS + 10_000);
    // Assess
    expect(emitted?.metrics.totalCalls).toBe(2);
    expect(revised.map(({ start, metrics }) => [start, metrics.totalCalls, metrics.anomalyScore])).toEqual([[iso(BASE_MS), 3, emitted?.metrics.anomalyScore]]);
  });

  it('mergeTransfer of engines handed over by transfer() gives what mergePartials of their snapshots gives, exact or not', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary(4), { maxLength: 150 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(2, 3, 64),
        (records, cuts, sketchCapacity) => {
          const make = (): Engine => createEngine({ windowSeconds: 10, topK: 2, sketchCapacity, customMetrics: [countingMetric()], detector: ewmaZScore({ warmUp: 1 }) });
          const feed = (part: readonly AcceptedRecord[]): Engine => {
            const engine = make();
            for (const record of part) engine.add(record);
            return engine;
          };
          const [first, ...rest] = splitAt(records, cuts);
          const viaSnapshots = feed(first ?? []);
          const viaTransfers = feed(first ?? []);
          for (const part of rest) {
            viaSnapshots.mergePartials(sent(feed(part)));
            // Through structured clone, as a worker's message goes.
            viaTransfers.mergeTransfer(structuredClone(feed(part).transfer()));
          }
          expect(viaTransfers.flush()).toStrictEqual(viaSnapshots.flush());
        },
      ),
    );
  });
});
