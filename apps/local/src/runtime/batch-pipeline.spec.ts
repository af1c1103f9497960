import { type MetricsStore } from '@trailpulse/metrics-store';
import { syntheticRecords } from '../../test/support/synthetic-trail';
import { type SourceBatch } from '../sources';
import { openSourcePipeline } from './batch-pipeline';
import { type GroupWriter, storeGroupWriter } from './group-writer';
import { IngestStats } from './ingest-stats';
import { RecentEvents } from './recent-events';
import { useTempStores } from './testing/temp-stores';

const SOURCE = 'replay:pipeline-spec';
const START_MS = Date.UTC(2024, 0, 1, 0, 0, 0);
const freshStore = useTempStores('batch-pipeline');

/** The store's writer, whose writes wait until the test opens the gate. */
function gatedWriter(store: MetricsStore): { writer: GroupWriter; open(): void; writes(): number } {
  const real = storeGroupWriter(store);
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let writes = 0;
  return {
    writer: {
      async write(group, customMetrics, onAggregateMerged) {
        writes += 1;
        await gate;
        return real.write(group, customMetrics, onAggregateMerged);
      },
    },
    open,
    writes: () => writes,
  };
}

describe('openSourcePipeline', () => {
  it('makes the source wait once its bulk rows are 64 live groups behind, and loses nothing when they catch up', async () => {
    // Prepare: one record per batch and per live group (maxRecords 1), the bulk writer held shut
    const store = await freshStore();
    const records = syntheticRecords({ records: 80, startMs: START_MS, perSecond: 20 });
    const batches: SourceBatch[] = records.map((record, i) => ({ sourceId: SOURCE, seq: i + 1, records: [record], position: { kind: 'spec', batch: i + 1 } }));
    const bulk = gatedWriter(store);
    const stats = new IngestStats();
    const pipeline = await openSourcePipeline(SOURCE, { store, recent: new RecentEvents(100), stats, customMetrics: () => [], maxRecords: 1, bulkMaxRecords: 1, bulkWriter: bulk.writer }, { onLiveMerged: () => undefined, onBulkMerged: () => undefined });
    // Act: add batches until one is held back (or all 80 are in)
    let added = 0;
    let blocked: Promise<void> | undefined;
    for (const batch of batches) {
      const adding = pipeline.add(batch);
      const waited = await Promise.race([adding.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 500))]);
      if (waited) {
        blocked = adding;
        break;
      }
      added += 1;
    }
    bulk.open();
    await blocked;
    for (const batch of batches.slice(added + 1)) await pipeline.add(batch);
    await pipeline.close();
    // Assess: held back after the live rows were 64 groups (give or take the ones in flight) ahead;
    // then every record reached every row
    expect(blocked).toBeDefined();
    expect(added).toBeGreaterThanOrEqual(64);
    expect(added).toBeLessThan(72);
    expect(stats.settled).toBe(stats.accepted);
    const hour = await store.queryWindows({ windowSeconds: 3600, fromMs: START_MS, toMs: START_MS + 3_600_000, consistentRead: true });
    const live = await store.queryWindows({ windowSeconds: 10, fromMs: START_MS, toMs: START_MS + 3_600_000, consistentRead: true });
    const calls = (windows: typeof hour.windows): number => windows.reduce((sum, window) => sum + window.metrics.totalCalls, 0);
    expect(calls(hour.windows)).toBe(calls(live.windows));
    expect(calls(live.windows)).toBeGreaterThan(0);
  }, 60_000);
});
