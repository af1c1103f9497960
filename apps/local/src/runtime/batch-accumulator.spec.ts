import { scanCallFacts } from '@trailpulse/analytics';
import { type ScannedRecord } from '../sources';
import { BatchAccumulator } from './batch-accumulator';

const WINDOW_MS = 10_000;
const BASE_MS = Date.parse('2024-01-01T00:00:00Z');

function scanned(offsetMs: number): ScannedRecord {
  const text = JSON.stringify({ eventTime: new Date(BASE_MS + offsetMs).toISOString(), eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', recipientAccountId: '111111111111', awsRegion: 'us-east-1' });
  const verdict = scanCallFacts(text);
  if (verdict.kind !== 'accepted') throw new Error(`the scanner did not accept ${text}`);
  const bytes = new TextEncoder().encode(text);
  return { facts: verdict.facts, projected: verdict.record, bytes, start: 0, end: bytes.length };
}

function batch(seq: number, offsetsMs: readonly number[]) {
  return { sourceId: 'http', seq, records: [], scanned: offsetsMs.map(scanned), position: { seq } };
}

describe('BatchAccumulator', () => {
  it('lists every window a group added to, ascending, whatever order the records came in', () => {
    // Prepare: records of three windows, out of order, across two batches
    const accumulator = new BatchAccumulator(WINDOW_MS / 1000);
    // Act
    accumulator.add(batch(1, [12_000, 3_000, 15_000, 25_000]), []);
    accumulator.add(batch(2, [4_000, 29_999, 10_000]), []);
    const group = accumulator.take();
    // Assess
    expect(group?.windowStartsMs).toEqual([BASE_MS, BASE_MS + 10_000, BASE_MS + 20_000]);
    expect(group?.maxEventTimeMs).toBe(BASE_MS + 29_999);
    expect(group?.accepted).toBe(7);
    expect(group?.seq).toBe(2);
  });

  it('starts each group afresh: a record in the window the last group ended in is listed again', () => {
    // Prepare
    const accumulator = new BatchAccumulator(WINDOW_MS / 1000);
    accumulator.add(batch(1, [1_000, 2_000]), []);
    accumulator.take();
    // Act: the next group's only window is the one the previous group's last record was in
    accumulator.add(batch(2, [3_000]), []);
    const group = accumulator.take();
    // Assess
    expect(group?.windowStartsMs).toEqual([BASE_MS]);
    expect(group?.accepted).toBe(1);
  });
});
