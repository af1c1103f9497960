import { MAX_WINDOWS_PER_QUERY, metricsQuerySearchParams, parseMetricsQuery } from './metrics-query';

const HOUR_MS = 3_600_000;
const JAN_1 = Date.UTC(2024, 0, 1);

function failureOf(query: string): { message: string; paths: string[] } {
  const result = parseMetricsQuery(new URLSearchParams(query));
  if (result.ok) throw new Error(`expected ${query} to be refused`);
  return { message: result.error.message, paths: (result.error.problems ?? []).map((problem) => problem.path) };
}

describe('parseMetricsQuery', () => {
  it('reads ISO-8601 UTC and epoch-millisecond bounds, the window and the filters', () => {
    // Prepare
    const params = new URLSearchParams({
      from: '2024-01-01T00:00:00Z',
      to: String(JAN_1 + HOUR_MS),
      window: '10',
      account: '123456789012',
      service: 'ec2.amazonaws.com',
    });

    // Act
    const result = parseMetricsQuery(params);

    // Assess
    expect(result).toEqual({
      ok: true,
      value: { fromMs: JAN_1, toMs: JAN_1 + HOUR_MS, windowSeconds: 10, filters: { account: '123456789012', service: 'ec2.amazonaws.com' } },
    });
  });

  it('reads the error class filter and refuses a class that does not exist, naming the choices', () => {
    const accepted = parseMetricsQuery(new URLSearchParams('from=0&to=60000&error=access-denied'));
    const refused = failureOf('from=0&to=60000&error=denied');

    expect(accepted.ok && accepted.value.filters).toEqual({ error: 'access-denied' });
    expect(refused.paths).toEqual(['error']);
    expect(refused.message).toContain('none, access-denied, throttling, other');
  });

  it('defaults the window to 60 s', () => {
    const result = parseMetricsQuery(new URLSearchParams('from=0&to=60000'));

    expect(result.ok && result.value.windowSeconds).toBe(60);
  });

  it('converts a zone offset to UTC', () => {
    const result = parseMetricsQuery(new URLSearchParams({ from: '2024-01-01T01:00:00+01:00', to: '2024-01-01T02:00:00Z' }));

    expect(result.ok && result.value.fromMs).toBe(JAN_1);
  });

  it.each([
    ['to=60000', 'from', /from: is required/],
    ['from=yesterday&to=60000', 'from', /"yesterday" is neither an ISO-8601 UTC time/],
    ['from=2024-02-30T00:00:00Z&to=2024-03-01T00:00:00Z', 'from', /"2024-02-30T00:00:00Z" is neither/],
    ['from=2024-01-01T00:00:00&to=2024-03-01T00:00:00Z', 'from', /is neither/],
    ['from=0&to=60000&window=15', 'window', /window must be one of 10, 60/],
    ['from=0&to=60000&window=1m', 'window', /window must be a number of seconds/],
    ['from=60000&to=60000', 'to', /to \(1970-01-01T00:01:00.000Z\) must be after from/],
    ['from=0&to=60000&account=', 'account', /account is empty; omit the parameter/],
    ['from=0&to=60000&windw=10', 'windw', /unknown parameter "windw"; allowed: from, to, window, account/],
    ['from=0&from=1&to=60000', 'from', /parameter "from" is given more than once/],
    ['from=0&to=60000&region=us%01east', 'region', /region contains a control character/],
  ])('refuses %s naming %s', (query, parameter, message) => {
    const failure = failureOf(query);

    expect(failure.paths).toEqual([parameter]);
    expect(failure.message).toMatch(message);
  });

  it('bounds the number of windows one request may span', () => {
    const tooLong = (MAX_WINDOWS_PER_QUERY + 1) * 10_000;

    const failure = failureOf(`from=0&to=${tooLong}&window=10`);

    expect(failure.message).toContain(`spans ${MAX_WINDOWS_PER_QUERY + 1} windows of 10 s`);
    expect(parseMetricsQuery(new URLSearchParams(`from=0&to=${tooLong}&window=60`)).ok).toBe(true);
  });

  it('honours the window lengths a host serves', () => {
    const params = new URLSearchParams('from=0&to=600000&window=300');

    expect(parseMetricsQuery(params, { allowedWindowSeconds: [60, 300] }).ok).toBe(true);
    expect(parseMetricsQuery(params).ok).toBe(false);
  });

  it('round-trips through the query string clients build', () => {
    const query = { fromMs: JAN_1, toMs: JAN_1 + HOUR_MS, windowSeconds: 60, filters: { principal: 'arn:aws:iam::1:user/a b&c' } };

    const result = parseMetricsQuery(metricsQuerySearchParams(query));

    expect(result).toEqual({ ok: true, value: query });
  });
});
