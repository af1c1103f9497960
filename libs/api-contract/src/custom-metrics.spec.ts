import { customMetricListResponseSchema, customMetricPutResponseSchema, parseCustomMetricPut } from './custom-metrics';

const rootActivity = { title: 'Root activity', filter: { field: 'userIdentity.type', equals: 'Root' }, measure: 'count' };

describe('parseCustomMetricPut', () => {
  it('takes the id from the path and normalizes the definition', () => {
    const result = parseCustomMetricPut('root-activity', rootActivity);

    expect(result).toEqual({
      ok: true,
      value: { id: 'root-activity', ...rootActivity, measure: { count: true }, apiCallsOnly: true, anomaly: false },
    });
  });

  it('accepts a body repeating the path id', () => {
    expect(parseCustomMetricPut('root-activity', { ...rootActivity, id: 'root-activity' }).ok).toBe(true);
  });

  it.each([
    ['Root Activity', rootActivity, 'id', /is not a lower-case slug/],
    ['root-activity', { ...rootActivity, id: 'other' }, 'id', /body's id "other" differs from the path's "root-activity"/],
    ['root-activity', [rootActivity], '', /must be one custom metric definition/],
    ['root-activity', { metrics: [rootActivity] }, 'metrics', /not a definitions file/],
    ['root-activity', { ...rootActivity, measure: 'sum' }, 'measure', /measure/],
    ['root-activity', { ...rootActivity, filter: { field: 'eventName', prefx: 'Delete' } }, 'filter', /unknown key "prefx"/],
    ['root-activity', { ...rootActivity, window: '7s' }, 'window', /window "7s" must be whole seconds between 10 s/],
  ])('refuses id %s with body %j, naming %s', (id, body, path, message) => {
    const result = parseCustomMetricPut(id, body);

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.error).toBe('bad-request');
      expect(result.error.problems?.[0]?.path).toBe(path);
      expect(result.error.message).toMatch(message);
    }
  });
});

describe('custom metric responses', () => {
  it('describe stored definitions as the PUT normalized them', () => {
    const put = parseCustomMetricPut('root-activity', rootActivity);
    if (!put.ok) throw new Error(put.error.message);

    expect(customMetricListResponseSchema.parse({ metrics: [put.value] }).metrics).toEqual([put.value]);
    expect(customMetricPutResponseSchema.parse({ metric: put.value, created: true }).metric).toEqual(put.value);
  });
});
