import { randomUUID } from 'node:crypto';
import { API_PATHS } from '@trailpulse/api-contract';
import { analyze } from '../support/analyze';
import { DashboardSession } from '../support/browser-session';
import { card, viewUrl, waitForOverview } from '../support/dashboard-page';
import * as expected from '../support/expected-widgets';
import { WIDGETS } from '../support/overview-widgets';
import { readSuiteState } from '../support/suite-state';

// Records posted to the ingest API for the current minute reach an open overview over the live
// WebSocket: the total changes without a reload. The range ends half an hour after the suite
// started, so the other specs (ranges ending before now) never see these records.
const state = readSuiteState();
let session: DashboardSession;

beforeAll(async () => {
  session = await DashboardSession.open(state);
  await session.signInWithApiToken();
});

afterAll(async () => {
  await session.close();
});

/** Real records of the replay as if they happened now: new eventIDs, eventTime a few seconds ago. */
function recordsForNow(count: number): Record<string, unknown>[] {
  const nowMs = Date.now();
  return state.records.slice(0, count).map((record, index) => ({ ...record, eventID: randomUUID(), eventTime: new Date(nowMs - 5_000 + index * 100).toISOString().replace(/\.\d{3}Z$/, 'Z') }));
}

describe('live updates', () => {
  it('shows records ingested over the API in the total, without a reload', async () => {
    const { page } = session;
    await page.goto(viewUrl('/overview', state.liveRange));
    await waitForOverview(page, [WIDGETS.totalCalls]);
    await page.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();
    const figure = card(page, WIDGETS.totalCalls).locator('.figure');
    const replayTotal = expected.totalCalls(state.expected.windows);
    expect(await figure.textContent()).toBe(expected.exact(replayTotal));
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));

    const records = recordsForNow(12);
    const response = await fetch(`${state.runtime.url}${API_PATHS.events}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${state.runtime.token}`, 'content-type': 'application/x-ndjson' },
      body: records.map((record) => JSON.stringify(record)).join('\n'),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: records.length, rejected: 0 });

    const liveTotal = replayTotal + expected.totalCalls(analyze({ records }).windows);
    await page.waitForFunction(
      ([heading, text]) => [...document.querySelectorAll('section.card')].some((section) => section.querySelector('h2')?.textContent?.trim() === heading && section.querySelector('.figure')?.textContent?.trim() === text),
      [WIDGETS.totalCalls, expected.exact(liveTotal)] as const,
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  });

  it('logs no console error and no failed request', () => {
    expect(session.problems).toEqual([]);
  });
});
