import { TestBed } from '@angular/core/testing';
import { type MetricsWindow } from '@trailpulse/api-contract';
import { FakeEcharts, settleCharts } from '../../testing/fake-echarts';
import { FakeMetricsSource } from '../../testing/fake-metrics-source';
import { FakeScheduler } from '../../testing/fake-scheduler';
import { setupDashboard } from '../../testing/setup-store';
import { makeWindow } from '../../testing/windows';
import { CLIPBOARD } from '../drill-down/clipboard';
import { OverviewPageComponent } from './overview-page.component';

const NOW = Date.parse('2024-01-01T12:00:30Z');

function window(start: string, calls: Record<string, number>, extra: Partial<MetricsWindow['metrics']> = {}): MetricsWindow {
  const totalCalls = Object.values(calls).reduce((sum, count) => sum + count, 0);
  return makeWindow(start, 60, { totalCalls, callsByService: calls, ...extra });
}

async function render(source: FakeMetricsSource) {
  const echarts = new FakeEcharts();
  const copied: string[] = [];
  const { store } = await setupDashboard({
    source,
    scheduler: new FakeScheduler(NOW),
    providers: [echarts.provide(), { provide: CLIPBOARD, useValue: { writeText: async (text: string) => void copied.push(text) } }],
  });
  const fixture = TestBed.createComponent(OverviewPageComponent);
  await fixture.whenStable();
  await settleCharts();
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  return { fixture, root, echarts, copied, store };
}

/** The series data of the last option set on a chart. */
function lastSeriesData(option: Record<string, unknown> | undefined): unknown[] {
  return ((option?.['series'] ?? []) as { data?: unknown[] }[]).map((series) => series.data);
}

describe('OverviewPageComponent', () => {
  test('draws total calls per minute and marks the window whose anomaly score reaches the threshold', async () => {
    const source = new FakeMetricsSource();
    source.windows = [
      window('2024-01-01T11:58:00Z', { 'ec2.amazonaws.com': 4 }),
      window('2024-01-01T11:59:00Z', { 'ec2.amazonaws.com': 2, 's3.amazonaws.com': 30 }, { anomalyScore: 1.5 }),
    ];
    const { root, echarts } = await render(source);

    const chart = echarts.chartIn(root, 'Total API calls and anomaly score');
    const merged = chart.setOptionCalls.at(-1)?.option;
    const [calls, scores, marks] = lastSeriesData(merged) as [number, number | null][][];
    expect(calls?.slice(-3)).toEqual([
      [Date.parse('2024-01-01T11:58:00Z'), 4],
      [Date.parse('2024-01-01T11:59:00Z'), 32],
      [Date.parse('2024-01-01T12:00:00Z'), 0],
    ]);
    expect(scores?.slice(-3).map(([, score]) => score)).toEqual([0, 1.5, null]);
    expect(marks).toEqual([[Date.parse('2024-01-01T11:59:00Z'), 32]]);
    expect(root.textContent).toContain('1 anomalous buckets');
  });

  test('stacks calls by service, busiest service first', async () => {
    const source = new FakeMetricsSource();
    source.windows = [window('2024-01-01T11:59:00Z', { 'ec2.amazonaws.com': 2, 's3.amazonaws.com': 30, 'iam.amazonaws.com': 5 })];
    const { root, echarts } = await render(source);
    const option = echarts.chartIn(root, 'API calls by service').setOptionCalls.at(-1)?.option as { series: { name: string; data: [number, number][] }[] };
    expect(option.series.slice(0, 3).map((series) => [series.name, series.data.at(-2)?.[1]])).toEqual([
      ['s3.amazonaws.com', 30],
      ['iam.amazonaws.com', 5],
      ['ec2.amazonaws.com', 2],
    ]);
  });

  test('a live window updates the charts in place: same chart instance, only the data merged', async () => {
    const source = new FakeMetricsSource();
    source.windows = [window('2024-01-01T11:59:00Z', { 'ec2.amazonaws.com': 3 })];
    const { root, echarts, fixture } = await render(source);
    const chartsBefore = echarts.charts.length;
    const chart = echarts.chartIn(root, 'Total API calls and anomaly score');
    const callsBefore = chart.setOptionCalls.length;

    source.emit({ type: 'window', windowSeconds: 60, window: window('2024-01-01T12:00:00Z', { 'ec2.amazonaws.com': 8 }) });
    await fixture.whenStable();

    expect(echarts.charts.length).toBe(chartsBefore);
    expect(chart.setOptionCalls.length).toBe(callsBefore + 1);
    const update = chart.setOptionCalls.at(-1);
    expect(update?.notMerge).toBeUndefined();
    const [calls] = lastSeriesData(update?.option) as [number, number][][];
    expect(calls?.at(-1)).toEqual([Date.parse('2024-01-01T12:00:00Z'), 8]);
  });

  test('the top API calls sum each window top list over the range', async () => {
    const source = new FakeMetricsSource();
    source.windows = [
      window('2024-01-01T11:58:00Z', { 'ec2.amazonaws.com': 5 }, { topApiCalls: [{ key: 'ec2.amazonaws.com:RunInstances', count: 3 }, { key: 'ec2.amazonaws.com:DescribeInstances', count: 2 }] }),
      window('2024-01-01T11:59:00Z', { 'ec2.amazonaws.com': 4 }, { topApiCalls: [{ key: 'ec2.amazonaws.com:DescribeInstances', count: 4 }] }),
    ];
    const { root, echarts } = await render(source);
    const option = echarts.chartIn(root, 'Top 10 API calls').setOptionCalls.at(-1)?.option as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['ec2.amazonaws.com:DescribeInstances', 'ec2.amazonaws.com:RunInstances']);
    expect(option.series[0]?.data).toEqual([6, 3]);
  });

  test('clicking a bar opens the raw events of that API call, each record copyable as JSON', async () => {
    const source = new FakeMetricsSource();
    source.windows = [window('2024-01-01T11:59:00Z', { 'ec2.amazonaws.com': 1 }, { topApiCalls: [{ key: 'ec2.amazonaws.com:RunInstances', count: 1 }] })];
    const runInstances = { eventTime: '2024-01-01T11:59:10Z', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', sourceIPAddress: '203.0.113.7', userIdentity: { arn: 'arn:aws:iam::123456789012:user/alice' } };
    source.events = [runInstances, { eventTime: '2024-01-01T11:59:20Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances' }];
    const { root, echarts, fixture, copied } = await render(source);

    echarts.chartIn(root, 'Top 10 API calls').trigger('click', { seriesIndex: 0, dataIndex: 0, name: 'ec2.amazonaws.com:RunInstances', value: 1 });
    await fixture.whenStable();

    expect(source.eventsQueries.at(-1)?.filters).toEqual({ service: 'ec2.amazonaws.com', eventName: 'RunInstances' });
    const dialog = root.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.querySelector('h2')?.textContent).toContain('API call ec2.amazonaws.com:RunInstances');
    const rows = [...dialog.querySelectorAll('.events li')];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('arn:aws:iam::123456789012:user/alice');

    (rows[0]?.querySelector('button.link') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(JSON.parse(dialog.querySelector('pre')?.textContent ?? '')).toEqual(runInstances);
    const copy = [...dialog.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Copy JSON') as HTMLButtonElement;
    copy.click();
    await fixture.whenStable();
    expect(copied.map((text) => JSON.parse(text))).toEqual([runInstances]);
  });

  test('the table view lists the values and opens the same drill-down from the keyboard', async () => {
    const source = new FakeMetricsSource();
    source.windows = [window('2024-01-01T11:59:00Z', { 'ec2.amazonaws.com': 1 }, { topIps: [{ key: '198.51.100.9', count: 1 }] })];
    const { root, fixture } = await render(source);
    const card = [...root.querySelectorAll('section.card')].find((section) => section.querySelector('h2')?.textContent === 'Top source IPs') as HTMLElement;
    (card.querySelector('button[aria-pressed]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect([...card.querySelectorAll('tbody td')].slice(0, 3).map((cell) => cell.textContent?.trim())).toEqual(['1', '198.51.100.9', '1']);
    (card.querySelector('tbody button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(source.eventsQueries.at(-1)?.filters).toEqual({ ip: '198.51.100.9' });
  });

  test('without data every widget says what to do', async () => {
    const { root } = await render(new FakeMetricsSource());
    expect(root.textContent).toContain('No API calls in this range. Widen the time range or clear the filters');
  });
});
