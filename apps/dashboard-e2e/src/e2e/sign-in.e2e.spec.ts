import { DashboardSession } from '../support/browser-session';
import { waitForOverview } from '../support/dashboard-page';
import { WIDGETS } from '../support/overview-widgets';
import { readSuiteState } from '../support/suite-state';

// The start URL the runtime prints: a one-time token traded for an HttpOnly session cookie, and
// gone from the URL bar. This spec is the only one that uses the printed link (it works once).
const state = readSuiteState();
let session: DashboardSession;

beforeAll(async () => {
  session = await DashboardSession.open(state);
});

afterAll(async () => {
  await session.close();
});

describe('sign-in through the printed login link', () => {
  it('opens the overview with a session cookie and no token left in the URL', async () => {
    await session.page.goto(state.runtime.loginUrl);
    await waitForOverview(session.page, [WIDGETS.totalCalls]);

    const url = new URL(session.page.url());
    expect(url.searchParams.has('token')).toBe(false);
    expect(url.pathname).toBe('/overview');
    const cookies = await session.context.cookies(state.runtime.url);
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.every((cookie) => cookie.httpOnly)).toBe(true);
    expect(await session.page.evaluate(() => document.cookie)).toBe('');
  });

  it('stays signed in after a reload (the cookie session, not the token)', async () => {
    await session.page.reload();
    await waitForOverview(session.page, [WIDGETS.totalCalls]);

    expect(await session.page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  });

  it('refuses the same link a second time', async () => {
    const again = await session.context.request.get(state.runtime.loginUrl, { maxRedirects: 0, failOnStatusCode: false });

    expect(again.status()).toBe(401);
  });

  it('signs out to the sign-in page, and back in with the pasted API token', async () => {
    await session.page.getByRole('button', { name: 'Sign out' }).click();
    await session.page.waitForURL((url) => url.pathname === '/login');
    expect(await session.page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);

    await session.page.getByLabel('Access token').fill(state.runtime.token);
    await session.page.getByRole('button', { name: 'Sign in' }).click();

    await waitForOverview(session.page, [WIDGETS.totalCalls]);
    expect(new URL(session.page.url()).pathname).toBe('/overview');
  });

  it('logs no console error and no failed request', () => {
    expect(session.problems).toEqual([]);
  });
});
