import { compileCustomMetric, CustomMetricDefinitionError, validateCustomMetricDefinitions } from '@trailpulse/analytics';
import { batchPartials, StoreInputError } from '../src';
import { testCustomMetrics } from './custom-metrics';
import { asJson, engineWindows } from './engine-reference';
import { type LocalStore, useFreshLocalStore } from './local-store';
import { BASE_MS, slices, trafficRecords } from './records';

describe('custom metrics in the store', () => {
  let local: LocalStore;

  useFreshLocalStore((opened) => {
    local = opened;
  });

  it('custom metric states merge across batches and roll-ups like the built-ins: equal to the engine with the same metrics', async () => {
    // Prepare
    const metrics = testCustomMetrics();
    const records = trafficRecords(2400);
    // Act
    for (const [i, batch] of slices(records, 800).entries()) {
      await local.store.mergeBatch({ batch: { source: 'replay', sequence: i + 1 }, windowSeconds: 10, windows: batchPartials(batch, { windowSeconds: 10, customMetrics: metrics }), customMetrics: metrics, rollUpTo: [60] });
    }
    const result = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 600_000, customMetrics: metrics });
    const withoutCustom = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 600_000 });
    // Assess
    expect(result.windows).toHaveLength(10);
    expect(asJson(result.windows)).toEqual(asJson(engineWindows(records, 60, metrics)));
    expect(asJson(withoutCustom.windows)).toEqual(asJson(engineWindows(records, 60)));
  });

  it('a redefined metric (same id, new definition) replaces the stored state instead of mixing two definitions', async () => {
    // Prepare
    const denied = testCustomMetrics()[0] as ReturnType<typeof testCustomMetrics>[number];
    const [redefinition] = validateCustomMetricDefinitions({ id: 'denied-calls', title: 'EC2 calls', filter: { field: 'eventSource', equals: 'ec2.amazonaws.com' }, measure: 'count' }, 'test');
    if (redefinition === undefined) throw new Error('test setup: the redefinition should validate');
    const redefined = compileCustomMetric(redefinition);
    const records = trafficRecords(600, { spanMs: 50_000 });
    const [first, second] = slices(records, 300) as [typeof records, typeof records];
    // Act
    await local.store.mergeBatch({ batch: { source: 's', sequence: 1 }, windowSeconds: 60, windows: batchPartials(first, { windowSeconds: 60, customMetrics: [denied] }), customMetrics: [denied], rollUpTo: [] });
    await local.store.mergeBatch({ batch: { source: 's', sequence: 2 }, windowSeconds: 60, windows: batchPartials(second, { windowSeconds: 60, customMetrics: [redefined] }), customMetrics: [redefined], rollUpTo: [] });
    const asNew = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000, customMetrics: [redefined] });
    const asOld = await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 60_000, customMetrics: [denied] });
    // Assess: the new definition's count covers the second batch only; the old definition's state is gone
    expect(asNew.windows[0]?.metrics.custom).toEqual({ 'denied-calls': engineWindows(second, 60, [redefined])[0]?.metrics.custom?.['denied-calls'] });
    expect(asOld.windows[0]?.metrics.custom).toEqual({ 'denied-calls': 0 });
    expect(asNew.windows[0]?.metrics.totalCalls).toBe(engineWindows(records, 60)[0]?.metrics.totalCalls);
  });

  it('refuses a batch carrying the state of a metric it was not given, writing nothing', async () => {
    // Prepare
    const metrics = testCustomMetrics();
    const records = trafficRecords(100);
    // Act
    const merge = local.store.mergeBatch({ batch: { source: 's', sequence: 1 }, windowSeconds: 60, windows: batchPartials(records, { windowSeconds: 60, customMetrics: metrics }) });
    // Assess
    await expect(merge).rejects.toThrow(StoreInputError);
    await expect(merge).rejects.toThrow(/custom metric "denied-calls" has a state but is not among the batch's customMetrics/);
    expect((await local.store.queryWindows({ windowSeconds: 60, fromMs: BASE_MS, toMs: BASE_MS + 600_000 })).windows).toEqual([]);
  });

  it('stores, lists, versions and deletes custom metric definitions', async () => {
    // Prepare
    const definition = { id: 'root-calls', title: 'Root calls', filter: { field: 'userIdentity.type', equals: 'Root' }, measure: 'count' };
    // Act
    const created = await local.store.putCustomMetric(definition);
    const updated = await local.store.putCustomMetric({ ...definition, title: 'Calls by root' }, 1);
    const stale = local.store.putCustomMetric({ ...definition, title: 'Lost update' }, 1);
    const invalid = local.store.putCustomMetric({ id: 'Bad Id', title: 'x', measure: 'count' });
    const other = await local.store.putCustomMetric({ id: 'all-calls', title: 'All calls', measure: 'count' });
    const listed = await local.store.listCustomMetrics();
    const deleted = await local.store.deleteCustomMetric('root-calls');
    const deletedAgain = await local.store.deleteCustomMetric('root-calls');
    // Assess
    expect(created.version).toBe(1);
    expect(created.definition).toMatchObject({ id: 'root-calls', apiCallsOnly: true, anomaly: false });
    expect(updated).toMatchObject({ version: 2, definition: { title: 'Calls by root' } });
    await expect(stale).rejects.toThrow(StoreInputError);
    await expect(invalid).rejects.toThrow(CustomMetricDefinitionError);
    expect(listed.problems).toEqual([]);
    expect(listed.metrics.map((m) => [m.definition.id, m.version])).toEqual([
      ['all-calls', 1],
      ['root-calls', 2],
    ]);
    expect(other.definition.title).toBe('All calls');
    expect(deleted).toBe(true);
    expect(deletedAgain).toBe(false);
    expect(await local.store.getCustomMetric('root-calls')).toBeUndefined();
  });
});
