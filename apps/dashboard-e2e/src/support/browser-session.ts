import { API_PATHS } from '@trailpulse/api-contract';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { type SuiteState } from './suite-state';

/** The README screenshots' size; every spec uses it so layouts are the same everywhere. */
export const VIEWPORT = { width: 1440, height: 900 } as const;

export type Theme = 'light' | 'dark';

/** Something that went wrong in the page: a console error, an uncaught exception, a failed request. */
export interface PageProblem {
  readonly kind: 'console' | 'pageerror' | 'requestfailed' | 'http';
  readonly text: string;
}

/**
 * One Chromium, one browser context (fresh cookies and localStorage), one page, with every
 * console error, page error and failed request of the page recorded for the "no errors" checks.
 */
export class DashboardSession {
  readonly problems: PageProblem[] = [];
  private readonly expectedFailures: RegExp[] = [];

  private constructor(
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly state: SuiteState,
  ) {
    page.on('console', (message) => {
      const where = message.location().url;
      const text = where === '' ? message.text() : `${message.text()} (${where})`;
      if (message.type() === 'error' && !this.isExpected(text)) this.problems.push({ kind: 'console', text });
    });
    page.on('pageerror', (error) => this.problems.push({ kind: 'pageerror', text: `${error.name}: ${error.message}` }));
    page.on('requestfailed', (request) => {
      // A request the app cancels on purpose (a newer query replaces it: switchMap) is not a failure.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      const text = `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`;
      if (!this.isExpected(text)) this.problems.push({ kind: 'requestfailed', text });
    });
    page.on('response', (response) => {
      const text = `${response.request().method()} ${response.url()} -> ${response.status()}`;
      if (response.status() >= 400 && !this.isExpected(text)) this.problems.push({ kind: 'http', text });
    });
  }

  static async open(state: SuiteState, theme: Theme = 'light'): Promise<DashboardSession> {
    const browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: state.runtime.url,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      locale: 'en-US',
      timezoneId: 'UTC',
      colorScheme: theme,
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    return new DashboardSession(browser, context, page, state);
  }

  /**
   * A failure the test provokes on purpose (a matching console error or request is not a problem),
   * e.g. the 400 of a bad custom metric the editor must explain.
   */
  expectFailure(pattern: RegExp): void {
    this.expectedFailures.push(pattern);
  }

  /** Signs in the way the sign-in page does with a pasted token: POST /api/v1/session sets the cookie of this context. */
  async signInWithApiToken(): Promise<void> {
    const response = await this.context.request.post(`${this.state.runtime.url}${API_PATHS.session}`, { data: { token: this.state.runtime.token } });
    if (!response.ok()) throw new Error(`POST ${API_PATHS.session} with the API token answered ${response.status()}`);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
  }

  private isExpected(text: string): boolean {
    return this.expectedFailures.some((pattern) => pattern.test(text));
  }
}
