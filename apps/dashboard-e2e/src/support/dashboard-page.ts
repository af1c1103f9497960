import { type Locator, type Page } from 'playwright-core';
import { type TimeRangeMs } from './suite-state';

export type ViewPath = '/overview' | '/anomalies' | '/custom-metrics';

export type ViewFilters = Partial<Record<'account' | 'region' | 'service' | 'principal', string>>;

/** A dashboard URL in its own URL state format (core/state/view-state.ts): a custom range as ISO `from`/`to`, and filters. */
export function viewUrl(path: ViewPath, range: TimeRangeMs, filters: ViewFilters = {}): string {
  const params = new URLSearchParams({ from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString() });
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) params.set(name, value);
  return `${path}?${params.toString()}`;
}

/** Collapses every kind of space (ICU puts U+202F before AM/PM) so texts compare as people read them. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a widget card shows: its headline figure, subtitle and, once switched to the table view, every row. */
export interface CardReading {
  readonly figure: string;
  readonly subtitle: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The widget card whose heading is `heading` (a `section` labelled by its `h2`). */
export function card(page: Page, heading: string): Locator {
  return page.getByRole('region', { name: heading, exact: true });
}

/** Waits for the card to finish loading: its table toggle appears once it has data, or its empty / error text. */
export async function waitForCardSettled(page: Page, heading: string): Promise<void> {
  const section = card(page, heading);
  await section.waitFor();
  await section.locator('xpath=self::*[not(@aria-busy="true")]').waitFor();
}

/** Switches the card to its table view (the accessible twin of the chart) and reads it. */
export async function readCard(page: Page, heading: string): Promise<CardReading> {
  await waitForCardSettled(page, heading);
  const section = card(page, heading);
  const figure = normalizeText((await section.locator('.figure').allTextContents())[0] ?? '');
  const subtitle = normalizeText((await section.locator('.subtitle').allTextContents())[0] ?? '');
  const toggle = section.getByRole('button', { name: 'Table', exact: true });
  if ((await toggle.count()) === 0) return { figure, subtitle, columns: [], rows: [] };
  await toggle.click();
  const table = section.locator('table');
  await table.waitFor();
  const columns = (await table.locator('thead th').allTextContents()).map(normalizeText);
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
  // Back to the chart, as a user would leave it.
  await section.getByRole('button', { name: 'Chart', exact: true }).click();
  return { figure, subtitle, columns, rows };
}

/** The card's text when it has no data (its empty or error message). */
export async function cardMessage(page: Page, heading: string): Promise<string> {
  await waitForCardSettled(page, heading);
  return normalizeText((await card(page, heading).locator('.state').allTextContents()).join(' '));
}

/** Waits until every overview card has settled and its charts are drawn. */
export async function waitForOverview(page: Page, headings: readonly string[]): Promise<void> {
  for (const heading of headings) await waitForCardSettled(page, heading);
  // echarts draws on the next frames after setOption; animations are short (300 ms) and reduced motion is on.
  await page.waitForTimeout(600);
}
