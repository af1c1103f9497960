import { scannedText } from '../../sources/scanned-record';
import { parseIngestBody } from './ingest-body';

const encoder = new TextEncoder();
const record = (eventName: string): string =>
  JSON.stringify({ eventTime: '2024-01-01T00:00:01Z', eventSource: 'ec2.amazonaws.com', eventName, sourceIPAddress: '10.0.0.1', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111111111111:user/a' } });

describe('the bytes scanned records keep (compactKeptBytes)', () => {
  it('keeps records of a well-used chunk as views of that chunk', async () => {
    // Prepare: one chunk of three records
    const chunk = encoder.encode(`${['A', 'B', 'C'].map(record).join('\n')}\n`);
    // Act
    const { records } = await parseIngestBody([chunk], 'ndjson');
    // Assess
    expect(records.scanned.map(({ bytes, start, end }) => scannedText(bytes, start, end))).toEqual(['A', 'B', 'C'].map(record));
    expect(records.scanned.every(({ bytes }) => bytes === chunk)).toBe(true);
  });

  it('copies out the records of a chunk that is mostly other lines, so they do not keep it alive', async () => {
    // Prepare: a record between 200 KB of rejected lines, in a chunk of its own, then a well-used chunk
    const junk = `${'{"x":1}\n'.repeat(12_500)}`;
    const sparse = encoder.encode(`${junk}${record('Lonely')}\n${junk}`);
    const dense = encoder.encode(`${record('D1')}\n${record('D2')}\n`);
    // Act
    const { records, result } = await parseIngestBody([sparse, dense], 'ndjson');
    // Assess
    expect(result.accepted).toBe(3);
    expect(result.rejected).toBe(25_000);
    const [lonely, d1, d2] = records.scanned;
    expect(lonely && scannedText(lonely.bytes, lonely.start, lonely.end)).toBe(record('Lonely'));
    expect(lonely?.bytes.byteLength).toBe(record('Lonely').length);
    expect([d1?.bytes, d2?.bytes]).toEqual([dense, dense]);
    expect(d2 && scannedText(d2.bytes, d2.start, d2.end)).toBe(record('D2'));
  });
});
