import { TestBed } from '@angular/core/testing';
import { setupDashboard } from '../../testing/setup-store';
import { FakeMetricsSource } from '../../testing/fake-metrics-source';
import { FakeScheduler } from '../../testing/fake-scheduler';
import { makeWindow } from '../../testing/windows';

const NOW = Date.parse('2024-01-01T12:00:30Z');

function sourceWithHour(): FakeMetricsSource {
  const source = new FakeMetricsSource();
  // One 60 s window per minute of the hour before NOW, with minute m holding m calls.
  for (let minute = 1; minute <= 60; minute++) source.windows.push(makeWindow(new Date(Date.parse('2024-01-01T11:00:00Z') + minute * 60_000).toISOString(), 60, { totalCalls: minute }));
  return source;
}

describe('WindowsStore', () => {
  test('loads the range of the URL with the resolution it implies, and connects the live stream', async () => {
    const { source, store } = await setupDashboard({ source: sourceWithHour(), scheduler: new FakeScheduler(NOW), url: '/?service=ec2.amazonaws.com' });
    expect(source.metricsQueries).toEqual([
      { fromMs: Date.parse('2024-01-01T11:01:00Z'), toMs: Date.parse('2024-01-01T12:01:00Z'), windowSeconds: 60, filters: { service: 'ec2.amazonaws.com' } },
    ]);
    expect(store.status()).toBe('ready');
    expect(store.windows().map((window) => window.metrics.totalCalls)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(source.connected).toBe(true);
  });

  test('asks the API for the error class of the URL as its error filter', async () => {
    const { source } = await setupDashboard({ source: sourceWithHour(), scheduler: new FakeScheduler(NOW), url: '/?error=access-denied&account=123456789012' });
    expect(source.metricsQueries.at(-1)?.filters).toEqual({ account: '123456789012', error: 'access-denied' });
  });

  test('merges a live window in place without asking the API again, sliding the range', async () => {
    const scheduler = new FakeScheduler(NOW);
    const { source, store } = await setupDashboard({ source: sourceWithHour(), scheduler });
    scheduler.advance(60_000);
    source.emit({ type: 'window', windowSeconds: 60, window: makeWindow('2024-01-01T12:01:00Z', 60, { totalCalls: 99 }) });
    expect(source.metricsQueries).toHaveLength(1);
    expect(store.windows().at(-1)?.metrics.totalCalls).toBe(99);
    expect(store.windows()[0]?.start).toBe('2024-01-01T11:02:00.000Z');
    expect(store.windows()).toHaveLength(60);
  });

  test('a revised window replaces the one with the same start', async () => {
    const { source, store } = await setupDashboard({ source: sourceWithHour(), scheduler: new FakeScheduler(NOW) });
    source.emit({ type: 'window', windowSeconds: 60, window: makeWindow('2024-01-01T11:30:00Z', 60, { totalCalls: 500 }) });
    expect(store.windows().filter((window) => window.start === '2024-01-01T11:30:00.000Z').map((window) => window.metrics.totalCalls)).toEqual([500]);
  });

  test('ignores live windows of another length than the view uses', async () => {
    const { source, store } = await setupDashboard({ source: sourceWithHour(), scheduler: new FakeScheduler(NOW) });
    source.emit({ type: 'window', windowSeconds: 10, window: makeWindow('2024-01-01T12:00:20Z', 10, { totalCalls: 7 }) });
    expect(store.windows()).toHaveLength(60);
  });

  test('with filters, a live (unfiltered) window is fetched again with the filters', async () => {
    const { source } = await setupDashboard({ source: sourceWithHour(), scheduler: new FakeScheduler(NOW), url: '/?region=eu-west-1' });
    source.emit({ type: 'window', windowSeconds: 60, window: makeWindow('2024-01-01T12:00:00Z', 60, { totalCalls: 5 }) });
    expect(source.metricsQueries.at(-1)).toEqual({
      fromMs: Date.parse('2024-01-01T12:00:00Z'),
      toMs: Date.parse('2024-01-01T12:01:00Z'),
      windowSeconds: 60,
      filters: { region: 'eu-west-1' },
    });
  });

  test('polls while the live stream is down, and stops once it is back', async () => {
    const scheduler = new FakeScheduler(NOW);
    const { source, store } = await setupDashboard({ source: sourceWithHour(), scheduler });
    source.setConnection({ status: 'reconnecting', attempt: 1, retryAtMs: NOW + 1000, reason: 'connection lost' });
    TestBed.tick();
    expect(store.polling()).toBe(true);
    source.windows.push(makeWindow('2024-01-01T12:01:00Z', 60, { totalCalls: 61 }));
    scheduler.advance(15_000 * 4);
    const polls = source.metricsQueries.slice(1);
    expect(polls).toHaveLength(4);
    expect(polls[0]?.fromMs).toBe(Date.parse('2024-01-01T12:00:00Z'));
    expect(store.windows().at(-1)?.metrics.totalCalls).toBe(61);
    source.setConnection({ status: 'open' });
    TestBed.tick();
    expect(store.polling()).toBe(false);
    const afterOpen = source.metricsQueries.length;
    scheduler.advance(60_000);
    expect(source.metricsQueries).toHaveLength(afterOpen);
  });

  test('while polling, a relative range keeps sliding even when no new window arrives', async () => {
    const scheduler = new FakeScheduler(NOW);
    const { source, store } = await setupDashboard({ source: sourceWithHour(), scheduler });
    source.setConnection({ status: 'stopped', reason: 'disconnected' });
    TestBed.tick();
    scheduler.advance(5 * 60_000);
    expect(store.range()).toEqual({ fromMs: Date.parse('2024-01-01T11:06:00Z'), toMs: Date.parse('2024-01-01T12:06:00Z') });
    expect(store.windows()[0]?.start).toBe('2024-01-01T11:06:00.000Z');
    expect(store.windows()).toHaveLength(55);
  });

  test('a failed load is an error state with the cause', async () => {
    const source = sourceWithHour();
    source.metricsError = new Error('boom');
    const { store } = await setupDashboard({ source, scheduler: new FakeScheduler(NOW) });
    expect(store.status()).toBe('error');
    expect(store.error()).toEqual(new Error('boom'));
  });
});
