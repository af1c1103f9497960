import { API_PATHS, type CustomMetricDefinition } from '@trailpulse/api-contract';
import { DashboardSession } from '../support/browser-session';
import { cardMessage, readCard, viewUrl, waitForOverview } from '../support/dashboard-page';
import * as expected from '../support/expected-widgets';
import { WIDGET_HEADINGS, WIDGETS } from '../support/overview-widgets';
import { readSuiteState } from '../support/suite-state';

// Every overview widget, read from its table view (the accessible twin of the chart), against
// `trailpulse analyze --json --window 60s` over the same replay files.
const state = readSuiteState();
const windows = state.expected.windows;
let session: DashboardSession;
let threshold: number;

beforeAll(async () => {
  session = await DashboardSession.open(state);
  await session.signInWithApiToken();
  const config = (await (await session.context.request.get(`${state.runtime.url}/config.json`)).json()) as { anomalyThreshold: number };
  threshold = config.anomalyThreshold;
  await session.page.goto(viewUrl('/overview', state.replayRange));
  await waitForOverview(session.page, WIDGET_HEADINGS);
});

afterAll(async () => {
  await session.close();
});

const sorted = (rows: readonly (readonly string[])[]) => rows.map((row) => row.join(' | ')).sort();

describe('overview of the replay, compared with trailpulse analyze', () => {
  it('total API calls: the figure, every minute with calls and its anomaly score, and the anomaly count', async () => {
    const card = await readCard(session.page, WIDGETS.totalCalls);

    expect(card.figure).toBe(expected.exact(expected.totalCalls(windows)));
    expect(card.columns).toEqual(['Time', 'API calls', 'Anomaly score', 'Anomaly', 'Raw events']);
    expect(card.rows).toHaveLength((state.replayRange.toMs - state.replayRange.fromMs) / 60_000);
    const withCalls = card.rows.filter((row) => row[1] !== '0');
    const withoutScores = (rows: readonly (readonly string[])[]) => rows.map((row) => [row[0], row[1], row[3], row[4]]);
    expect(withoutScores(withCalls)).toEqual(withoutScores(expected.totalCallsRows(windows, threshold).map((row) => [...row, 'Events'])));
    const anomalous = windows.filter((window) => window.metrics.anomalyScore >= threshold).length;
    expect(card.subtitle).toBe(`${anomalous} anomalous buckets (score ≥ ${expected.score(threshold)})`);
  });

  // The runtime scores a minute whose records arrive after the watermark passed it (files listing
  // records newest first, as Stratus' and often CloudTrail's do) when it first sees it (window-closer.ts).
  it('total API calls: every minute\'s anomaly score is analyze\'s', async () => {
    const card = await readCard(session.page, WIDGETS.totalCalls);

    const scores = card.rows.filter((row) => row[1] !== '0').map((row) => [row[0], row[2]]);
    expect(scores).toEqual(windows.map((window) => [expected.minuteLabel(window.start), expected.score(window.metrics.anomalyScore)]));
  });

  it('API calls by service: every service of every minute', async () => {
    const card = await readCard(session.page, WIDGETS.callsByService);

    expect(card.subtitle).toBe(`${expected.servicesByCalls(windows).length} services`);
    expect(sorted(card.rows)).toEqual(sorted(expected.serviceRows(windows).map((row) => [...row, 'Events'])));
  });

  it.each([
    [WIDGETS.topApiCalls, 'topApiCalls'],
    [WIDGETS.topUsers, 'topUsers'],
    [WIDGETS.topIps, 'topIps'],
  ] as const)('%s: the range\'s top 10, summed over the windows', async (heading, list) => {
    const card = await readCard(session.page, heading);

    expect(card.rows).toEqual(expected.topListRows(windows, list).map((row) => [...row, 'Events']));
    expect(card.rows.length).toBeGreaterThan(0);
  });

  it('max calls by one IP: the peak and the busiest IP of every minute', async () => {
    const card = await readCard(session.page, WIDGETS.maxCallsByIp);

    expect(card.figure).toBe(expected.exact(Math.max(...windows.map((window) => window.metrics.maxCallsByIp.count))));
    expect(card.rows).toEqual(expected.maxCallsByIpRows(windows).map((row) => [...row, 'Events']));
  });

  it('successful EC2 calls: the total and every minute with some', async () => {
    const card = await readCard(session.page, WIDGETS.ec2Successful);

    expect(card.figure).toBe(expected.exact(windows.reduce((sum, window) => sum + window.metrics.ec2SuccessfulCalls, 0)));
    expect(card.rows).toEqual(expected.ec2SuccessfulRows(windows).map((row) => [...row, 'Events']));
  });

  it('create / modify / delete activity: the change count and the five categories of every minute', async () => {
    const card = await readCard(session.page, WIDGETS.changeActivity);

    expect(card.figure).toBe(`${expected.exact(expected.changeCount(windows))} changes`);
    expect(card.rows).toEqual(expected.categoryRows(windows).map((row) => [...row, 'Events']));
  });

  it('activity by service: the calls of the busiest services, minute by minute', async () => {
    const card = await readCard(session.page, WIDGETS.serviceHeatmap);

    expect(card.rows).toEqual(expected.heatmapRows(windows).map((row) => [...row, 'Events']));
  });

  it('one widget per custom metric the runtime computes, with analyze\'s values', async () => {
    const response = await session.context.request.get(`${state.runtime.url}${API_PATHS.customMetrics}`);
    const { metrics } = (await response.json()) as { metrics: CustomMetricDefinition[] };
    expect(metrics.length).toBeGreaterThan(0);

    let withData = 0;
    for (const definition of metrics) {
      const measure = definition.measure as Record<string, unknown>;
      if ('topK' in measure) {
        const rows = expected.customTopRows(windows, definition.id);
        if (rows.length === 0) {
          expect(await cardMessage(session.page, definition.title)).toContain(`No value for "${definition.id}" in this range`);
          continue;
        }
        withData += 1;
        const card = await readCard(session.page, definition.title);
        expect(card.rows).toEqual(rows.map((row) => [...row, '']));
      } else if (measure['count'] === true && expected.customCount(windows, definition.id) === 0) {
        expect(await cardMessage(session.page, definition.title)).toContain(`No value for "${definition.id}" in this range`);
      } else {
        throw new Error(`the replay does not exercise custom metric ${definition.id} (${JSON.stringify(measure)}): extend this test`);
      }
    }
    // The replay has IAM and security group changes: some custom widgets must draw data.
    expect(withData).toBeGreaterThanOrEqual(2);
  });

  it('logs no console error and no failed request', () => {
    expect(session.problems).toEqual([]);
  });
});
