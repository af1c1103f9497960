import { type AcceptedRecord } from '@trailpulse/event-schema';
import { scanCallFacts } from '@trailpulse/analytics';
import { RecentEvents } from './recent-events';

function accepted(eventTime: string, fields: Record<string, unknown> = {}): AcceptedRecord {
  const record = { eventTime, eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', awsRegion: 'us-east-1', recipientAccountId: '111111111111', ...fields };
  return { record, eventTimeMs: Date.parse(eventTime), sizeBytes: JSON.stringify(record).length, location: { input: 'test', line: 1 } } as unknown as AcceptedRecord;
}

describe('RecentEvents', () => {
  it('answers newest first by eventTime, bounded by limit, and says when more matched', () => {
    // Prepare
    const events = new RecentEvents(10);
    events.add(accepted('2024-01-01T00:00:02Z', { eventID: 'b' }));
    events.add(accepted('2024-01-01T00:00:01Z', { eventID: 'a' }));
    events.add(accepted('2024-01-01T00:00:03Z', { eventID: 'c' }));
    // Act
    const answer = events.query({ limit: 2, filters: {} });
    // Assess
    expect(answer.events.map((r) => r['eventID'])).toEqual(['c', 'b']);
    expect(answer.truncated).toBe(true);
  });

  it('applies every filter exactly and the half-open time range', () => {
    const events = new RecentEvents(10);
    events.add(accepted('2024-01-01T00:00:00Z', { eventID: 'x', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111111111111:user/alice' }, sourceIPAddress: '203.0.113.7' }));
    events.add(accepted('2024-01-01T00:00:10Z', { eventID: 'y', awsRegion: 'eu-west-1' }));
    events.add(accepted('2024-01-01T00:00:20Z', { eventID: 'z', eventSource: 's3.amazonaws.com', eventName: 'GetObject' }));
    events.add(accepted('2024-01-01T00:00:30Z', { eventID: 'd', eventSource: 's3.amazonaws.com', errorCode: 'AccessDenied' }));

    const ids = (query: Parameters<RecentEvents['query']>[0]): unknown[] => events.query(query).events.map((r) => r['eventID']);
    expect(ids({ limit: 10, filters: { principal: 'arn:aws:iam::111111111111:user/alice' } })).toEqual(['x']);
    expect(ids({ limit: 10, filters: { ip: '203.0.113.7' } })).toEqual(['x']);
    expect(ids({ limit: 10, filters: { ip: 'unknown' } })).toEqual(['d', 'z', 'y']);
    expect(ids({ limit: 10, filters: { region: 'eu-west-1' } })).toEqual(['y']);
    expect(ids({ limit: 10, filters: { service: 's3.amazonaws.com', eventName: 'GetObject' } })).toEqual(['z']);
    expect(ids({ limit: 10, filters: { account: '222222222222' } })).toEqual([]);
    expect(ids({ limit: 10, filters: { error: 'none' } })).toEqual(['z', 'y', 'x']);
    expect(ids({ limit: 10, filters: { error: 'access-denied' } })).toEqual(['d']);
    expect(ids({ limit: 10, filters: {}, fromMs: Date.parse('2024-01-01T00:00:10Z'), toMs: Date.parse('2024-01-01T00:00:20Z') })).toEqual(['y']);
  });

  it('drops the oldest arrivals beyond its capacity', () => {
    const events = new RecentEvents(2);
    events.add(accepted('2024-01-01T00:00:01Z', { eventID: 'a' }));
    events.add(accepted('2024-01-01T00:00:02Z', { eventID: 'b' }));
    events.add(accepted('2024-01-01T00:00:03Z', { eventID: 'c' }));

    expect(events.size).toBe(2);
    expect(events.accepted({}).map((a) => a.record['eventID'])).toEqual(['b', 'c']);
    expect(events.oldestTimeMs()).toBe(Date.parse('2024-01-01T00:00:02Z'));
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentEvents(0)).toThrow(/positive integer/);
  });

  it('keeps scanned records as bytes: filtered on their facts, answered and re-run as the records parsed from them', () => {
    // Prepare: the same record kept parsed and kept scanned
    const fields = { eventID: 's', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111111111111:user/bob' }, sourceIPAddress: '198.51.100.9', errorCode: 'AccessDenied' };
    const parsed = accepted('2024-01-01T00:00:05Z', fields);
    const text = JSON.stringify(parsed.record);
    const verdict = scanCallFacts(text);
    if (verdict.kind !== 'accepted') throw new Error('the scanner did not accept the record');
    const events = new RecentEvents(10);
    // The record's bytes inside a larger body, as HTTP ingest hands them.
    const body = new TextEncoder().encode(`{"eventID":"other"}\n${text}\n`);
    events.addScanned({ facts: verdict.facts, projected: verdict.record, bytes: body, start: 20, end: body.length - 1 });
    const reference = new RecentEvents(10);
    reference.add(parsed);
    const filters = { principal: 'arn:aws:iam::111111111111:user/bob', ip: '198.51.100.9', error: 'access-denied' as const, service: 'ec2.amazonaws.com' };
    // Act
    const answer = events.query({ limit: 5, filters });
    const missed = events.query({ limit: 5, filters: { region: 'eu-west-1' } });
    const rerun = events.accepted(filters);
    // Assess
    expect(answer).toEqual(reference.query({ limit: 5, filters }));
    expect(answer.events).toEqual([parsed.record]);
    expect(missed.events).toEqual([]);
    expect(rerun.map(({ record, eventTimeMs }) => ({ record, eventTimeMs }))).toEqual([{ record: parsed.record, eventTimeMs: parsed.eventTimeMs }]);
  });
});
