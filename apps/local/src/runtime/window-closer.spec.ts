import { DEFAULT_DETECTOR, findDetector } from '@trailpulse/anomaly';
import { type LiveEventMessage } from '@trailpulse/api-contract';
import { judgeRecord } from '@trailpulse/event-schema';
import { batchPartials, type MetricsStore } from '@trailpulse/metrics-store';
import { WindowCloser } from './window-closer';
import { useTempStores } from './testing/temp-stores';

const T0 = Date.UTC(2024, 0, 1, 0, 0, 0);
const freshStore = useTempStores('closer');

/** `calls` API calls at `timeMs`, merged as batch `seq`. */
async function writeCalls(store: MetricsStore, seq: number, timeMs: number, calls: number): Promise<void> {
  const accepted = Array.from({ length: calls }, (_, index) => {
    const verdict = judgeRecord({ eventTime: new Date(timeMs).toISOString(), eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', awsRegion: 'us-east-1', recipientAccountId: '111122223333' });
    if (!verdict.accepted) throw new Error(`spec record rejected: ${verdict.reason}`);
    return { record: verdict.record, eventTimeMs: verdict.eventTimeMs, sizeBytes: 0, location: { source: 'spec', index } };
  });
  await store.mergeBatch({ batch: { source: 'spec', sequence: seq }, windowSeconds: 10, windows: batchPartials(accepted, { windowSeconds: 10 }), rollUpTo: [] });
}

function windowMessages(messages: readonly LiveEventMessage[], startMs: number): { anomalyScore: number }[] {
  return messages.flatMap((message) => (message.type === 'window' && Date.parse(message.window.start) === startMs ? [message.window.metrics] : []));
}

describe('WindowCloser revisions', () => {
  it('scores a window first seen as a revision once, with a copy of the detector that does not learn it', async () => {
    // Prepare: windows at 0 s, 20 s, 30 s closed and scored; the 10 s window was empty then.
    const store = await freshStore();
    const messages: LiveEventMessage[] = [];
    const closer = new WindowCloser({ store, windowSeconds: [10], customMetrics: () => [], publish: (message) => messages.push(message) });
    await closer.start();
    for (const [seq, offsetMs, calls] of [[1, 0, 5], [2, 20_000, 6], [3, 30_000, 5]] as const) await writeCalls(store, seq, T0 + offsetMs, calls);
    closer.observe(T0 + 45_000, [T0, T0 + 20_000, T0 + 30_000]);
    await closer.tick();
    const reference = findDetector(DEFAULT_DETECTOR).factory().create();
    for (const [offsetMs, calls] of [[0, 5], [20_000, 6], [30_000, 5]] as const) reference.update(T0 + offsetMs, calls);
    const expectedRevisionScore = findDetector(DEFAULT_DETECTOR).factory().restore(reference.snapshot()).update(T0 + 10_000, 400);
    // Act: 400 calls arrive for the 10 s window, then a later window closes.
    await writeCalls(store, 4, T0 + 10_000, 400);
    closer.observe(T0 + 10_000, [T0 + 10_000]);
    await closer.tick();
    await writeCalls(store, 5, T0 + 40_000, 5);
    closer.observe(T0 + 55_000, [T0 + 40_000]);
    await closer.tick();
    // Assess
    const revision = windowMessages(messages, T0 + 10_000);
    expect(revision).toHaveLength(1);
    expect(revision[0]?.anomalyScore).toBe(expectedRevisionScore);
    const stored = await store.queryWindows({ windowSeconds: 10, fromMs: T0 + 10_000, toMs: T0 + 20_000, consistentRead: true });
    expect(stored.windows[0]?.metrics.anomalyScore).toBe(expectedRevisionScore);
    // The series never learned the out-of-order point: the next window scores as if it had not come.
    expect(windowMessages(messages, T0 + 40_000)[0]?.anomalyScore).toBe(reference.update(T0 + 40_000, 5));
  });

  it('republishes a revised window that was scored when it closed with its first score', async () => {
    // Prepare
    const store = await freshStore();
    const messages: LiveEventMessage[] = [];
    const closer = new WindowCloser({ store, windowSeconds: [10], customMetrics: () => [], publish: (message) => messages.push(message) });
    await closer.start();
    await writeCalls(store, 1, T0, 5);
    closer.observe(T0 + 25_000, [T0]);
    await closer.tick();
    const first = windowMessages(messages, T0)[0]?.anomalyScore;
    // Act
    await writeCalls(store, 2, T0 + 1_000, 500);
    closer.observe(T0 + 1_000, [T0]);
    await closer.tick();
    // Assess
    const published = windowMessages(messages, T0);
    expect(published).toHaveLength(2);
    expect(published[1]).toMatchObject({ anomalyScore: first, totalCalls: 505 });
  });
});
