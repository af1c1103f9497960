import { DEFAULT_EVENTS_LIMIT, eventsQuerySearchParams, eventsResponseSchema, MAX_EVENTS_LIMIT, parseEventsQuery } from './events';

describe('parseEventsQuery', () => {
  it('needs no parameter: the most recent records, default limit', () => {
    expect(parseEventsQuery(new URLSearchParams())).toEqual({ ok: true, value: { limit: DEFAULT_EVENTS_LIMIT, filters: {} } });
  });

  it('reads bounds, limit and the drill-down filters', () => {
    const params = new URLSearchParams({ from: '1000', limit: '5', eventName: 'RunInstances', ip: '203.0.113.7' });

    const result = parseEventsQuery(params);

    expect(result).toEqual({ ok: true, value: { fromMs: 1000, limit: 5, filters: { eventName: 'RunInstances', ip: '203.0.113.7' } } });
  });

  it.each(['0', String(MAX_EVENTS_LIMIT + 1), '-1', '1.5', 'ten'])('refuses limit=%s naming limit', (limit) => {
    const result = parseEventsQuery(new URLSearchParams({ limit }));

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.problems?.map((problem) => problem.path)).toEqual(['limit']);
      expect(result.error.message).toMatch(/^limit must be/);
    }
  });

  it('round-trips through the query string clients build', () => {
    const query = { fromMs: 0, toMs: 5000, limit: 7, filters: { service: 's3.amazonaws.com' } };

    expect(parseEventsQuery(eventsQuerySearchParams(query))).toEqual({ ok: true, value: query });
  });
});

describe('eventsResponseSchema', () => {
  it('keeps every field of a raw record', () => {
    const record = { eventTime: '2024-01-01T00:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', userIdentity: { type: 'Root' } };

    expect(eventsResponseSchema.parse({ events: [record], truncated: false }).events[0]).toEqual(record);
  });
});
