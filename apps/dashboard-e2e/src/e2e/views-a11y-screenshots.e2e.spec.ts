import { seriousAxeViolations } from '../support/axe';
import { DashboardSession, type Theme } from '../support/browser-session';
import { card, viewUrl, waitForOverview } from '../support/dashboard-page';
import { WIDGET_HEADINGS, WIDGETS } from '../support/overview-widgets';
import { saveScreenshot } from '../support/screenshots';
import { readSuiteState } from '../support/suite-state';

// Each main view in both themes: axe-core finds no serious or critical violation, and the views
// are saved as screenshots (test-output/dashboard-e2e/screenshots; docs/images/dashboard on request).
const state = readSuiteState();

describe.each(['light', 'dark'] as const)('%s theme', (theme: Theme) => {
  let session: DashboardSession;
  /** The README shows every view in light and the overview in dark too. */
  const shoot = (name: string) => (theme === 'light' || name === 'overview' ? saveScreenshot(session.page, `${name}-${theme}`) : Promise.resolve(''));

  beforeAll(async () => {
    session = await DashboardSession.open(state, theme);
    await session.signInWithApiToken();
  });

  afterAll(async () => {
    await session.close();
  });

  it('overview: in this theme, no serious accessibility violation', async () => {
    const { page } = session;
    await page.goto(viewUrl('/overview', state.replayRange));
    await waitForOverview(page, WIDGET_HEADINGS);

    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe(theme);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot('overview');
  });

  it('drill-down dialog: no serious accessibility violation', async () => {
    const { page } = session;
    const topCalls = card(page, WIDGETS.topApiCalls);
    await topCalls.getByRole('button', { name: 'Table', exact: true }).click();
    await topCalls.getByRole('button', { name: /^Raw events: / }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('status').filter({ hasText: /\d+ events/ }).waitFor();
    await dialog.locator('ol.events button[aria-expanded]').first().click();

    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot('drill-down');
    await page.keyboard.press('Escape');
  });

  it('anomalies: no serious accessibility violation', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Anomalies' }).click();
    await page.getByRole('heading', { name: 'Anomalies', level: 1 }).waitFor();
    await page.locator('table, p.empty').first().waitFor();

    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot('anomalies');
  });

  it('custom metrics with the editor open: no serious accessibility violation', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Custom metrics' }).click();
    await page.locator('ul.metrics li button').first().waitFor();
    await page.getByRole('button', { name: 'IAM changes' }).click();
    await page.getByLabel('Definition (JSON)').waitFor();

    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot('custom-metrics');
  });

  it('the theme button switches to the other theme', async () => {
    const other = theme === 'light' ? 'dark' : 'light';

    await session.page.getByRole('button', { name: `Use the ${other} theme` }).click();

    // The attribute is set by a signal effect after the click's change detection: wait for it, then assert.
    await session.page.waitForFunction((expected) => document.documentElement.getAttribute('data-theme') === expected, other, { timeout: 5_000 }).catch(() => undefined);
    expect(await session.page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe(other);
  });

  it('logs no console error and no failed request', () => {
    expect(session.problems).toEqual([]);
  });
});
