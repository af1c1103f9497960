import { API_PATHS, customMetricPath } from '@trailpulse/api-contract';
import { DashboardSession } from '../support/browser-session';
import { normalizeText, viewUrl } from '../support/dashboard-page';
import { readSuiteState } from '../support/suite-state';

// The anomaly list and the custom metric editor, against the runtime's API.
const state = readSuiteState();
let session: DashboardSession;

beforeAll(async () => {
  session = await DashboardSession.open(state);
  await session.signInWithApiToken();
});

afterAll(async () => {
  await session.close();
});

describe('anomalies page', () => {
  it('lists the windows at or above the threshold, as many as analyze scores there', async () => {
    const { page } = session;
    const config = (await (await session.context.request.get(`${state.runtime.url}/config.json`)).json()) as { anomalyThreshold: number };
    const anomalous = state.expected.windows.filter((window) => window.metrics.anomalyScore >= config.anomalyThreshold);

    await page.goto(viewUrl('/anomalies', state.replayRange));
    await page.getByRole('heading', { name: 'Anomalies', level: 1 }).waitFor();
    await page.locator('table, p.empty').first().waitFor();

    if (anomalous.length === 0) {
      expect(normalizeText((await page.locator('p.empty').textContent()) ?? '')).toContain('No anomalies to review in this range.');
    } else {
      expect(await page.locator('tbody tr').count()).toBe(anomalous.length);
    }
  });
});

describe('custom metrics page', () => {
  it('lists the definitions the API holds', async () => {
    const { page } = session;
    const { metrics } = (await (await session.context.request.get(`${state.runtime.url}${API_PATHS.customMetrics}`)).json()) as { metrics: { id: string; title: string }[] };

    await page.goto(viewUrl('/custom-metrics', state.replayRange));
    await page.getByRole('heading', { name: 'Definitions' }).waitFor();
    await page.locator('ul.metrics li').first().waitFor();

    const shown = (await page.locator('ul.metrics li button').allTextContents()).map(normalizeText);
    expect(shown.sort()).toEqual(metrics.map((metric) => metric.title).sort());
  });

  it('shows the API\'s validation messages for a bad definition, and saves nothing', async () => {
    const { page } = session;
    const id = 'e2e-bad-metric';
    const bad = { title: 'Bad on purpose', filter: { field: 'eventName', equals: 'ConsoleLogin' }, measure: { topK: { by: 'eventName', k: 0 } } };
    const direct = await session.context.request.put(`${state.runtime.url}${customMetricPath(id)}`, { data: bad, headers: { authorization: `Bearer ${state.runtime.token}` }, failOnStatusCode: false });
    expect(direct.status()).toBe(400);
    const { problems } = (await direct.json()) as { problems: { path: string; message: string }[] };
    expect(problems.length).toBeGreaterThan(0);
    session.expectFailure(new RegExp(`/api/v1/metrics/custom/${id}`));

    await page.getByRole('button', { name: 'New metric' }).click();
    await page.getByLabel('Id').fill(id);
    await page.getByLabel('Definition (JSON)').fill(JSON.stringify(bad, null, 2));
    await page.getByRole('button', { name: 'Save' }).click();

    const feedback = page.locator('#editor-feedback');
    await feedback.locator('ul.problems li').first().waitFor();
    const shown = (await feedback.locator('ul.problems li').allTextContents()).map(normalizeText);
    expect(shown).toEqual(problems.map((problem) => normalizeText(`${problem.path || '(definition)'} ${problem.message}`)));
    expect(await page.getByLabel('Definition (JSON)').getAttribute('aria-invalid')).toBe('true');
    const after = (await (await session.context.request.get(`${state.runtime.url}${API_PATHS.customMetrics}`)).json()) as { metrics: { id: string }[] };
    expect(after.metrics.map((metric) => metric.id)).not.toContain(id);
  });

  it('logs no console error and no failed request (but the refused save)', () => {
    expect(session.problems).toEqual([]);
  });
});
