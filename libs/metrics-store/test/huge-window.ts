import { createEngine, type WindowPartial } from '@trailpulse/analytics';
import { type CloudTrailLikeRecord, parseEventTime } from '@trailpulse/event-schema';
import { BASE_MS } from './records';

/**
 * One 60 s window with 1,000,000 distinct source IPs, 20,000 principals and 15,000 API calls:
 * every top-K sketch full (capacity 10,000), the largest state the engine keeps for a window.
 */
export function hugeWindowPartial(): { partial: WindowPartial; metrics: unknown } {
  const engine = createEngine({ windowSeconds: 60 });
  const eventTime = new Date(BASE_MS + 1000).toISOString();
  const eventTimeMs = parseEventTime(eventTime) as number;
  for (let i = 0; i < 1_000_000; i++) {
    const record: CloudTrailLikeRecord = {
      eventTime,
      eventSource: `svc${i % 150}.amazonaws.com`,
      eventName: `Operation${i % 15_000}`,
      recipientAccountId: '111111111111',
      awsRegion: 'us-east-1',
      userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::111111111111:assumed-role/role-${i % 20_000}/session-${i % 20_000}` },
      sourceIPAddress: `${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}.${(i * 7) & 255}`,
    };
    engine.add({ record, eventTimeMs, sizeBytes: 300, location: { source: 'generated' } });
  }
  const window = engine.snapshot().windows[0];
  if (window === undefined) throw new Error('the engine produced no window');
  const [result] = engine.flush();
  return { partial: window.partial, metrics: { ...result?.metrics, anomalyScore: 0 } };
}

