import { DashboardSession } from '../support/browser-session';
import { card, viewUrl, waitForOverview } from '../support/dashboard-page';
import { WIDGET_HEADINGS, WIDGETS } from '../support/overview-widgets';
import { readSuiteState } from '../support/suite-state';

// From a widget to the raw events behind it: the Top 10 API calls table's "Events" button opens
// the matching records of the replay, each with its JSON and a working "Copy JSON".
const state = readSuiteState();
let session: DashboardSession;

beforeAll(async () => {
  session = await DashboardSession.open(state);
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: state.runtime.url });
  await session.signInWithApiToken();
  await session.page.goto(viewUrl('/overview', state.replayRange));
  await waitForOverview(session.page, WIDGET_HEADINGS);
});

afterAll(async () => {
  await session.close();
});

describe('drill-down', () => {
  it('opens the raw events of a top API call, with copyable JSON', async () => {
    const { page } = session;
    const key = 'ec2.amazonaws.com:DescribeInstances';
    const [service, eventName] = key.split(':') as [string, string];
    const matching = state.records.filter((record) => record['eventSource'] === service && record['eventName'] === eventName);
    const topCalls = card(page, WIDGETS.topApiCalls);
    await topCalls.getByRole('button', { name: 'Table', exact: true }).click();

    await topCalls.getByRole('button', { name: `Raw events: API call ${key}` }).click();

    const dialog = page.getByRole('dialog', { name: `Raw events: API call ${key}` });
    await dialog.waitFor();
    await dialog.getByText(`${matching.length} events`, { exact: true }).waitFor();
    const rows = dialog.locator('ol.events > li');
    expect(await rows.count()).toBe(matching.length);
    for (const text of await rows.locator('button[aria-expanded]').allTextContents()) expect(text).toContain(`${service}:${eventName}`);

    await rows.first().locator('button[aria-expanded]').click();
    const shown = JSON.parse((await rows.first().locator('pre').textContent()) ?? '') as Record<string, unknown>;
    const original = matching.find((record) => record['eventID'] === shown['eventID']);
    expect(shown).toEqual(original);

    await rows.first().getByRole('button', { name: 'Copy JSON' }).click();
    await rows.first().getByRole('button', { name: 'Copied' }).waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>;
    expect(copied).toEqual(shown);
  });

  it('closes with Escape', async () => {
    await session.page.keyboard.press('Escape');

    await session.page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('opens the events of one minute of a chart\'s table, narrowed to the service', async () => {
    const { page } = session;
    const heatmap = card(page, WIDGETS.serviceHeatmap);
    await heatmap.getByRole('button', { name: 'Table', exact: true }).click();
    const firstRow = heatmap.locator('tbody tr').first();
    // The table renders its rows after the button: wait for a data row (service, minute, calls) before reading it.
    await firstRow.locator('td').nth(2).waitFor();
    const [service, , calls] = (await firstRow.locator('td').allTextContents()).map((cell) => cell.trim());

    await firstRow.getByRole('button', { name: /^Raw events: / }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${calls} events`, { exact: true }).waitFor();
    for (const text of await dialog.locator('ol.events button[aria-expanded]').allTextContents()) expect(text).toContain(`${service}:`);
    await page.keyboard.press('Escape');
  });

  it('logs no console error and no failed request', () => {
    expect(session.problems).toEqual([]);
  });
});
