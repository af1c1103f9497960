import { liveAuthMessageSchema, liveServerMessageSchema } from './live';

const window = {
  start: '2024-01-01T00:00:00.000Z',
  end: '2024-01-01T00:01:00.000Z',
  metrics: {
    totalCalls: 1,
    callsByService: { 'ec2.amazonaws.com': 1 },
    callsByCategory: { create: 0, modify: 0, delete: 0, read: 1, other: 0 },
    topApiCalls: [{ key: 'ec2.amazonaws.com:DescribeInstances', count: 1 }],
    topUsers: [{ key: 'unknown', count: 1 }],
    topIps: [{ key: '10.0.0.1', count: 1 }],
    maxCallsByIp: { key: '10.0.0.1', count: 1 },
    ec2SuccessfulCalls: 1,
    anomalyScore: 0,
  },
};

describe('live messages', () => {
  it.each([
    { type: 'hello', protocol: 1 },
    { type: 'window', windowSeconds: 60, window },
    { type: 'anomaly', windowSeconds: 60, start: window.start, end: window.end, metric: 'totalCalls', value: 900, score: 7.5, threshold: 5 },
  ])('parses a $type message', (message) => {
    expect(liveServerMessageSchema.parse(message)).toEqual(message);
  });

  it('refuses an unknown message type', () => {
    expect(liveServerMessageSchema.safeParse({ type: 'gossip' }).success).toBe(false);
  });

  it('reads the auth message strictly', () => {
    expect(liveAuthMessageSchema.safeParse({ type: 'auth', token: 't' }).success).toBe(true);
    expect(liveAuthMessageSchema.safeParse({ type: 'auth', token: '' }).success).toBe(false);
    expect(liveAuthMessageSchema.safeParse({ type: 'auth', token: 't', extra: 1 }).success).toBe(false);
  });
});
