import { TestBed } from '@angular/core/testing';
import { FakeMetricsSource } from '../../testing/fake-metrics-source';
import { FakeScheduler } from '../../testing/fake-scheduler';
import { setupDashboard } from '../../testing/setup-store';
import { makeWindow } from '../../testing/windows';
import { AnomalyListComponent } from './anomaly-list.component';

const NOW = Date.parse('2024-01-01T12:00:30Z');

async function render() {
  const source = new FakeMetricsSource();
  source.windows = [
    makeWindow('2024-01-01T11:50:00Z', 60, { totalCalls: 10, anomalyScore: 0.4 }),
    makeWindow('2024-01-01T11:55:00Z', 60, {
      totalCalls: 900,
      anomalyScore: 2.5,
      callsByService: { 'iam.amazonaws.com': 880, 's3.amazonaws.com': 20 },
      topUsers: [{ key: 'arn:aws:iam::123456789012:user/mallory', count: 870 }],
    }),
  ];
  const scheduler = new FakeScheduler(NOW);
  await setupDashboard({ source, scheduler });
  const fixture = TestBed.createComponent(AnomalyListComponent);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const rows = () => [...root.querySelectorAll('tbody tr')];
  const button = (row: Element, label: string) => [...row.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label) as HTMLButtonElement;
  return { source, scheduler, fixture, root, rows, button };
}

describe('AnomalyListComponent', () => {
  test('lists windows at or above the threshold with when, metric, score and top contributors', async () => {
    const { rows } = await render();
    expect(rows()).toHaveLength(1);
    const text = rows()[0]?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('totalCalls');
    expect(text).toContain('2.50');
    expect(text).toContain('service iam.amazonaws.com 880');
    expect(text).toContain('principal arn:aws:iam::123456789012:user/mallory 870');
  });

  test('adds detector alerts from the live stream (custom metrics too)', async () => {
    const { source, rows, fixture } = await render();
    source.emit({ type: 'anomaly', windowSeconds: 60, start: '2024-01-01T11:59:00.000Z', end: '2024-01-01T12:00:00.000Z', metric: 'custom.root-activity', value: 3, score: 4 });
    await fixture.whenStable();
    expect(rows().map((row) => row.querySelectorAll('td')[1]?.textContent)).toEqual(['custom.root-activity', 'totalCalls']);
  });

  test('acknowledging hides an anomaly until "show acknowledged" is ticked', async () => {
    const { rows, button, fixture, root } = await render();
    button(rows()[0] as Element, 'Acknowledge').click();
    await fixture.whenStable();
    expect(rows()).toHaveLength(0);
    expect(root.textContent).toContain('1 are acknowledged or muted');
    (root.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await fixture.whenStable();
    expect(button(rows()[0] as Element, 'Acknowledged').getAttribute('aria-pressed')).toBe('true');
  });

  test('muting a metric hides its anomalies for the chosen time only', async () => {
    const { rows, fixture, scheduler, root } = await render();
    (rows()[0]?.querySelector('button[aria-label="Mute totalCalls for 1 h"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(rows()).toHaveLength(0);
    scheduler.advance(3_600_001);
    // Time passing alone re-renders nothing; any interaction re-evaluates the mute.
    (root.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await fixture.whenStable();
    (root.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });
});
