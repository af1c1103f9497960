import { TestBed } from '@angular/core/testing';
import { type CustomMetricDefinition } from '@trailpulse/api-contract';
import { ApiError } from '../../core/api/api-error';
import { FakeMetricsSource } from '../../testing/fake-metrics-source';
import { setupDashboard } from '../../testing/setup-store';
import { CustomMetricsPageComponent } from './custom-metrics-page.component';

const ROOT_ACTIVITY: CustomMetricDefinition = {
  id: 'root-activity',
  title: 'Root user activity',
  filter: { field: 'userIdentity.type', equals: 'Root' },
  measure: { topK: { by: '$apiCall', k: 20, capacity: 1000 } },
  apiCallsOnly: false,
  anomaly: true,
};

async function render(source: FakeMetricsSource) {
  await setupDashboard({ source });
  const fixture = TestBed.createComponent(CustomMetricsPageComponent);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const button = (text: string) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text) as HTMLButtonElement;
  const type = (selector: string, value: string) => {
    const field = root.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  };
  return { fixture, root, button, type, submit };
}

describe('CustomMetricsPageComponent', () => {
  test('lists the definitions and edits one without its id in the JSON', async () => {
    const source = new FakeMetricsSource();
    source.customMetrics = [ROOT_ACTIVITY];
    const { root, button, fixture } = await render(source);
    button('Root user activity').click();
    await fixture.whenStable();
    const { id: _id, ...withoutId } = ROOT_ACTIVITY;
    expect(JSON.parse((root.querySelector('textarea') as HTMLTextAreaElement).value)).toEqual(withoutId);
    expect((root.querySelector('#metric-id') as HTMLInputElement).readOnly).toBe(true);
  });

  test('shows each problem the API reports, and marks the editor invalid', async () => {
    const source = new FakeMetricsSource();
    source.validatePut = () =>
      new ApiError(400, 'bad-request', 'metric "x": 2 problems', [
        { path: 'filter.regex', message: 'invalid regular expression "(": Unterminated group' },
        { path: 'measure', message: 'a measure is exactly one of "count", distinctCount, topK; found none' },
      ]);
    const { root, button, type, submit, fixture } = await render(source);
    button('New metric').click();
    await fixture.whenStable();
    type('#metric-id', 'broken');
    type('textarea', '{"title":"Broken","filter":{"field":"eventName","regex":"("},"measure":{}}');
    await submit();

    expect(source.puts).toEqual([{ id: 'broken', definition: { title: 'Broken', filter: { field: 'eventName', regex: '(' }, measure: {} } }]);
    const problems = [...root.querySelectorAll('.problems li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(problems).toEqual([
      'filter.regex invalid regular expression "(": Unterminated group',
      'measure a measure is exactly one of "count", distinctCount, topK; found none',
    ]);
    expect(root.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('The API refused the definition: 2 problems to fix.');
  });

  test('invalid JSON is reported without a request', async () => {
    const source = new FakeMetricsSource();
    const { root, button, type, submit, fixture } = await render(source);
    button('New metric').click();
    await fixture.whenStable();
    type('#metric-id', 'x');
    type('textarea', '{"title": ');
    await submit();
    expect(source.puts).toEqual([]);
    expect(root.textContent).toContain('The definition is not valid JSON');
  });

  test('a saved metric joins the list', async () => {
    const source = new FakeMetricsSource();
    const { root, button, type, submit, fixture } = await render(source);
    button('New metric').click();
    await fixture.whenStable();
    type('#metric-id', 'api-calls');
    type('textarea', '{"title":"All API calls","measure":{"count":true}}');
    await submit();
    expect(root.textContent).toContain('Created "api-calls"');
    expect([...root.querySelectorAll('.metrics li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['All API calls api-calls · count']);
  });
});
