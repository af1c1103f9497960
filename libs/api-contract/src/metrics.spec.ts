import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCustomMetric, createEngine, parseCustomMetricDefinitions } from '@trailpulse/analytics';
import { judgeRecord } from '@trailpulse/event-schema';
import { metricsResponseSchema, metricsWindowSchema } from './metrics';

const EXAMPLES = join(__dirname, '../../../examples/custom-metrics/security-baseline.yaml');
const JAN_1 = Date.UTC(2024, 0, 1);

/** 30 calls from 30 IPs over two minutes, one console sign-in, one EC2 call refused. */
function records(): unknown[] {
  const calls = Array.from({ length: 30 }, (_, index) => ({
    eventTime: new Date(JAN_1 + index * 4_000).toISOString(),
    eventSource: index % 3 === 0 ? 'ec2.amazonaws.com' : 's3.amazonaws.com',
    eventName: index % 3 === 0 ? 'RunInstances' : 'GetObject',
    sourceIPAddress: `198.51.100.${index}`,
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::123456789012:user/u${index % 4}` },
    ...(index === 3 ? { errorCode: 'AccessDenied' } : {}),
  }));
  const signIn = { eventTime: new Date(JAN_1 + 1_000).toISOString(), eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventType: 'AwsConsoleSignIn', userIdentity: { type: 'Root' } };
  return [...calls, signIn];
}

/** What the engine emits for `records()`: the windows the API serves. */
function engineWindows(sketchCapacity: number): unknown[] {
  const definitions = parseCustomMetricDefinitions(readFileSync(EXAMPLES, 'utf8'), 'security-baseline.yaml');
  const engine = createEngine({ windowSeconds: 60, sketchCapacity, topK: 5, customMetrics: definitions.map(compileCustomMetric) });
  for (const value of records()) {
    const verdict = judgeRecord(value);
    if (verdict.accepted) engine.add({ record: verdict.record, eventTimeMs: verdict.eventTimeMs, sizeBytes: 0, location: { source: 'test' } });
  }
  return [...engine.flush()];
}

describe('metricsResponseSchema', () => {
  it('accepts the windows the engine emits, custom metrics included', () => {
    // Prepare
    const windows = engineWindows(1_000);

    // Act
    const response = metricsResponseSchema.parse({ windowSeconds: 60, windows });

    // Assess
    expect(response.windows).toHaveLength(2);
    expect(response.windows).toEqual(windows);
    expect(Object.keys(response.windows[0]?.metrics.custom ?? {})).toContain('access-denied-by-principal');
  });

  it('accepts approximate lists with their per-entry error', () => {
    const windows = engineWindows(5);

    const response = metricsResponseSchema.parse({ windowSeconds: 60, windows });

    expect(response.windows[0]?.metrics.approximate).toContain('topIps');
    expect(response.windows[0]?.metrics.topIps.every((entry) => entry.error !== undefined)).toBe(true);
  });

  it.each([
    ['a start without milliseconds', (w: Record<string, unknown>) => ({ ...w, start: '2024-01-01T00:00:00Z' })],
    ['a negative count', (w: Record<string, unknown>) => ({ ...w, metrics: { ...(w['metrics'] as object), totalCalls: -1 } })],
    ['a missing category', (w: Record<string, unknown>) => ({ ...w, metrics: { ...(w['metrics'] as object), callsByCategory: { read: 1 } } })],
    ['an infinite anomaly score', (w: Record<string, unknown>) => ({ ...w, metrics: { ...(w['metrics'] as object), anomalyScore: Infinity } })],
  ])('refuses %s', (_, spoil) => {
    const [window] = engineWindows(1_000) as Record<string, unknown>[];

    expect(metricsWindowSchema.safeParse(spoil(window ?? {})).success).toBe(false);
  });
});
