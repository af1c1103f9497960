import { readText, validRecord } from '../../test/read-helpers';
import { type ReadBatch } from './read-records';
import { addBatch, createReadStats } from './read-stats';

describe('ReadStats', () => {
  it('counts read = accepted + rejected, reasons, and accepted records by eventType ("(absent)" when missing or null)', async () => {
    // Prepare
    const input = [
      validRecord('A', { eventType: 'AwsApiCall' }),
      validRecord('B', { eventType: null }),
      validRecord('C'),
      validRecord('D', { eventType: '__proto__' }),
      { eventName: 'x' },
      'nope',
    ]
      .map((value) => JSON.stringify(value))
      .join('\n');
    const stats = createReadStats();
    // Act
    for (const batch of (await readText(input, { source: 'a.ndjson' })).batches) addBatch(stats, batch);
    // Assess
    expect(stats).toMatchObject({ read: 6, accepted: 4, rejected: 2, filesRead: 1, filesSkipped: [] });
    expect({ ...stats.rejectReasons }).toEqual({ 'missing-eventTime': 1, 'not-an-object': 1 });
    expect({ ...stats.byEventType }).toEqual({ AwsApiCall: 1, '(absent)': 2, ['__proto__']: 1 });
    expect(JSON.parse(JSON.stringify(stats.byEventType))).toEqual({ AwsApiCall: 1, '(absent)': 2, ['__proto__']: 1 });
  });

  it('adds the cumulative bytes of each source once, and counts skipped files apart from files read', () => {
    // Prepare
    const stats = createReadStats();
    const batch = (bytesRead: number, endOfSource: boolean, skipped: ReadBatch['skipped'] = []): ReadBatch => ({ accepted: [], rejected: [], skipped, bytesRead, endOfSource });
    // Act
    for (const b of [
      batch(100, false),
      batch(250, false),
      batch(300, true),
      batch(40, true, [{ reason: 'cloudtrail-digest', message: 'm', location: { source: 'digest.json' } }]),
      batch(0, true, [{ reason: 'unsupported-extension', message: 'm', location: { source: 'LICENSE' } }]),
    ]) {
      addBatch(stats, b);
    }
    // Assess
    expect(stats.bytesRead).toBe(340);
    expect(stats.filesRead).toBe(2);
    expect(stats.filesSkipped).toEqual([
      { path: 'digest.json', reason: 'cloudtrail-digest' },
      { path: 'LICENSE', reason: 'unsupported-extension' },
    ]);
  });
});
