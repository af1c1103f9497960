import { buildLoadPlan, LIVE_WINDOW_SECONDS } from './payloads';

describe('buildLoadPlan', () => {
  it('cuts the generated records into NDJSON POSTs, and counts API calls and 10 s windows from the bodies themselves', () => {
    // Act
    const plan = buildLoadPlan(2_500, 1_000, 100);
    // Assess: re-read every body independently of the plan's bookkeeping.
    const records = plan.payloads.flatMap((payload) => payload.body.toString('utf8').split('\n').map((line) => JSON.parse(line) as { eventTime: string; eventType?: string }));
    const windowMs = LIVE_WINDOW_SECONDS * 1000;
    expect(plan.payloads.map((payload) => payload.records)).toEqual([1000, 1000, 500]);
    expect(records).toHaveLength(2_500);
    expect(plan.apiCalls).toBe(records.filter((record) => record.eventType === undefined || record.eventType === 'AwsApiCall').length);
    expect(plan.apiCalls).toBeLessThan(2_500);
    for (const payload of plan.payloads) {
      const starts = new Set(payload.body.toString('utf8').split('\n').map((line) => Math.floor(Date.parse((JSON.parse(line) as { eventTime: string }).eventTime) / windowMs) * windowMs));
      expect(payload.windowStartsMs).toEqual([...starts].sort((a, b) => a - b));
    }
    // 2,500 records at 100 per second of event time: 25 s, three or four 10 s windows.
    expect(plan.lastEventMs - plan.firstEventMs).toBeLessThan(25_000);
  });
});
