import { DashboardSession } from '../support/browser-session';
import { readCard, viewUrl, waitForOverview } from '../support/dashboard-page';
import * as expected from '../support/expected-widgets';
import { WIDGET_HEADINGS, WIDGETS } from '../support/overview-widgets';
import { readSuiteState } from '../support/suite-state';

// Account, region and service filters typed into the toolbar: the numbers become those of
// `trailpulse analyze` over the matching records only, and the URL holds the filter.
const state = readSuiteState();
let session: DashboardSession;

beforeAll(async () => {
  session = await DashboardSession.open(state);
  await session.signInWithApiToken();
});

afterAll(async () => {
  await session.close();
});

const LABELS = { account: 'Account', region: 'Region', service: 'Service' } as const;

describe('filters', () => {
  it.each(state.filters.map((filter) => [filter.name, filter.value, filter] as const))('%s = %s narrows every number to the matching records', async (name, value, filter) => {
    const { page } = session;
    await page.goto(viewUrl('/overview', state.replayRange));
    await waitForOverview(page, WIDGET_HEADINGS);
    const unfiltered = await readCard(page, WIDGETS.totalCalls);

    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel(LABELS[name]).fill(value);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get(name) === value);
    await waitForOverview(page, WIDGET_HEADINGS);

    const windows = filter.expected.windows;
    const total = await readCard(page, WIDGETS.totalCalls);
    expect(total.figure).toBe(expected.exact(expected.totalCalls(windows)));
    expect(total.figure).not.toBe(unfiltered.figure);
    expect((await readCard(page, WIDGETS.topApiCalls)).rows).toEqual(expected.topListRows(windows, 'topApiCalls').map((row) => [...row, 'Events']));
    expect((await readCard(page, WIDGETS.topUsers)).rows).toEqual(expected.topListRows(windows, 'topUsers').map((row) => [...row, 'Events']));
    expect((await readCard(page, WIDGETS.changeActivity)).figure).toBe(`${expected.exact(expected.changeCount(windows))} changes`);
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBe(new Date(state.replayRange.fromMs).toISOString());
    expect(url.searchParams.get('to')).toBe(new Date(state.replayRange.toMs).toISOString());
  });

  it('a link with a filter opens the filtered view, and Clear brings back every record', async () => {
    const { page } = session;
    const filter = state.filters[0];
    if (filter === undefined) throw new Error('the suite state has no filter case');
    await page.goto(viewUrl('/overview', state.replayRange, { [filter.name]: filter.value }));
    await waitForOverview(page, WIDGET_HEADINGS);
    expect((await readCard(page, WIDGETS.totalCalls)).figure).toBe(expected.exact(expected.totalCalls(filter.expected.windows)));
    expect(await page.getByRole('form', { name: 'Filters' }).getByLabel(LABELS[filter.name]).inputValue()).toBe(filter.value);

    await page.getByRole('form', { name: 'Filters' }).getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((url) => !url.searchParams.has(filter.name));
    await waitForOverview(page, WIDGET_HEADINGS);

    expect((await readCard(page, WIDGETS.totalCalls)).figure).toBe(expected.exact(expected.totalCalls(state.expected.windows)));
  });

  it('logs no console error and no failed request', () => {
    expect(session.problems).toEqual([]);
  });
});
