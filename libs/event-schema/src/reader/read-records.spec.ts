import { readText, utf8, validRecord } from '../../test/read-helpers';
import { DEFAULT_MAX_RECORD_BYTES } from './accept';

const envelope = (detail: unknown, detailType = 'AWS API Call via CloudTrail') => ({ 'detail-type': detailType, source: 'aws.ec2', detail });

describe('readRecords', () => {
  it('reads NDJSON with each rejection named and located, keeping the records around it', async () => {
    // Prepare
    const input = [
      JSON.stringify(validRecord('A')),
      '{"eventTime": oops',
      JSON.stringify(validRecord('B', { eventTime: '2024-13-01T00:00:00Z' })),
      '"just a string"',
      JSON.stringify(envelope(validRecord('C'))),
      JSON.stringify(envelope({}, 'GuardDuty Finding')),
      JSON.stringify({ Records: [validRecord('D'), { eventTime: '2024-01-01T00:00:00Z', eventName: 'E' }] }),
    ].join('\n');
    // Act
    const read = await readText(input, { source: 'mixed.ndjson' });
    // Assess
    expect(read.accepted.map((a) => [a.record.eventName, a.location])).toEqual([
      ['A', { source: 'mixed.ndjson', line: 1, index: 0 }],
      ['C', { source: 'mixed.ndjson', line: 5, index: 4, path: 'detail' }],
      ['D', { source: 'mixed.ndjson', line: 7, index: 6, path: 'Records[0]' }],
    ]);
    expect(read.rejected.map((r) => [r.reason, r.location.line, r.location.path])).toEqual([
      ['invalid-json', 2, undefined],
      ['invalid-eventTime', 3, undefined],
      ['not-an-object', 4, undefined],
      ['not-cloudtrail', 6, undefined],
      ['missing-eventSource', 7, 'Records[1]'],
    ]);
    expect(read.rejected[0]?.message).toMatch(/^invalid JSON at line 2: /);
    expect(read.rejected[1]?.message).toBe('eventTime "2024-13-01T00:00:00Z" is not a valid ISO-8601 time');
  });

  it('reads a pretty-printed Records file element by element, with lines and paths', async () => {
    // Prepare
    const input = JSON.stringify({ Records: [validRecord('A'), { eventName: 'B' }, validRecord('C')] }, null, 2);
    // Act
    const read = await readText(input, { source: 'trail.json' });
    // Assess
    expect(read.accepted.map((a) => [a.record.eventName, a.location.line, a.location.path])).toEqual([
      ['A', 3, 'Records[0]'],
      ['C', 11, 'Records[2]'],
    ]);
    expect(read.rejected).toEqual([{ reason: 'missing-eventTime', message: 'eventTime is missing', location: { source: 'trail.json', line: 8, index: 1, path: 'Records[1]' } }]);
  });

  it('reads arrays of envelopes and records, single envelopes, and CloudWatch Logs messages', async () => {
    // Prepare
    const cwl = { messageType: 'DATA_MESSAGE', logEvents: [{ id: '1', message: JSON.stringify(validRecord('M')) }] };
    // Act
    const array = await readText(JSON.stringify([envelope(validRecord('A')), validRecord('B'), [validRecord('C')]]));
    const single = await readText(JSON.stringify(envelope(validRecord('S'), 'AWS Console Sign In via CloudTrail'), null, 2));
    const logs = await readText(JSON.stringify(cwl));
    const control = await readText(JSON.stringify({ messageType: 'CONTROL_MESSAGE', logEvents: [] }));
    // Assess
    expect(array.accepted.map((a) => [a.record.eventName, a.location.path])).toEqual([
      ['A', '[0].detail'],
      ['B', '[1]'],
      ['C', '[2][0]'],
    ]);
    expect(single.accepted.map((a) => [a.record.eventName, a.location.path])).toEqual([['S', 'detail']]);
    expect(logs.accepted.map((a) => [a.record.eventName, a.location.path])).toEqual([['M', 'logEvents[0].message']]);
    expect(control.accepted.length + control.rejected.length).toBe(0);
    expect(control.skipped).toEqual([{ reason: 'control-message', message: 'CloudWatch Logs CONTROL_MESSAGE holds no records', location: { source: 'test', line: 1 } }]);
  });

  it('measures a record as the bytes of its own text, and rejects one over the limit by that measure', async () => {
    // Prepare
    const small = JSON.stringify(validRecord('A', { pad: 'é' }));
    const big = JSON.stringify(validRecord('B', { pad: 'x'.repeat(301_000) }));
    // Act
    const read = await readText(`${small}\r\n${big}\n`);
    // Assess
    expect(read.accepted.map((a) => a.sizeBytes)).toEqual([utf8(small).byteLength]);
    expect(read.rejected).toEqual([
      { reason: 'too-large', message: `record is ${utf8(big).byteLength.toLocaleString('en-US')} bytes; the limit is 262,144`, location: { source: 'test', line: 2, index: 1 } },
    ]);
  });

  it('measures records inside a container by its share of the bytes, and exactly only when the container is over the limit', async () => {
    // Prepare: a Records line over the limit holding small records and one that is too large by itself
    const records = [validRecord('A'), validRecord('B', { pad: 'x'.repeat(DEFAULT_MAX_RECORD_BYTES) }), validRecord('C')];
    const overLimit = JSON.stringify({ Records: records });
    const underLimit = JSON.stringify({ Records: [validRecord('D'), validRecord('E')] });
    // Act
    const read = await readText(`${overLimit}\n${underLimit}\n`, { source: 'x.ndjson' });
    // Assess
    expect(read.accepted.map((a) => [a.record.eventName, a.sizeBytes])).toEqual([
      ['A', JSON.stringify(records[0]).length],
      ['C', JSON.stringify(records[2]).length],
      ['D', Math.round(underLimit.length / 2)],
      ['E', Math.round(underLimit.length / 2)],
    ]);
    expect(read.rejected.map((r) => [r.reason, r.location.path, r.message])).toEqual([
      ['too-large', 'Records[1]', `record is ${JSON.stringify(records[1]).length.toLocaleString('en-US')} bytes; the limit is 262,144`],
    ]);
  });

  it('rejects a Records element over the limit by its own size and reads the next element', async () => {
    // Prepare
    const big = JSON.stringify(validRecord('B', { pad: 'x'.repeat(300_000) }));
    const input = `{"Records": [${JSON.stringify(validRecord('A'))}, ${big}, ${JSON.stringify(validRecord('C'))}]}`;
    // Act
    const read = await readText(input);
    // Assess
    expect(read.accepted.map((a) => a.record.eventName)).toEqual(['A', 'C']);
    expect(read.rejected).toEqual([
      { reason: 'too-large', message: `record is ${big.length.toLocaleString('en-US')} bytes; the limit is 262,144`, location: { source: 'test', line: 1, index: 1, path: 'Records[1]' } },
    ]);
  });

  it('rejects a record inside an oversized container that is too deeply nested to measure', async () => {
    // Prepare: JSON.parse takes any depth, JSON.stringify (the measure) does not
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const record = JSON.stringify(validRecord('Deep')).replace(/}$/, `,"deep":${deep}}`);
    // Act
    const read = await readText(`{"Records":[${record}]}\n`, { source: 'x.ndjson', maxRecordBytes: 1000 });
    // Assess
    expect(read.rejected.map((r) => [r.reason, r.message])).toEqual([['too-large', 'record is too deeply nested to measure (an object); the limit is 1,000']]);
  });

  it('rejects a text over the buffer limit unread, saying so', async () => {
    // Act
    const read = await readText(`${JSON.stringify(validRecord('A', { pad: 'x'.repeat(2_000_000) }))}\n${JSON.stringify(validRecord('B'))}`);
    // Assess
    expect(read.accepted.map((a) => a.record.eventName)).toEqual(['B']);
    expect(read.rejected[0]?.message).toMatch(/^record is 2,000,\d{3} bytes; the limit is 262,144 \(not read: over 1,048,576, the most read for one value\)$/);
  });

  it('honours maxRecordBytes and format overrides', async () => {
    // Prepare
    const input = `${JSON.stringify(validRecord('A'))}\n${JSON.stringify(validRecord('B', { pad: 'x'.repeat(200) }))}`;
    // Act
    const asNdjson = await readText(input, { maxRecordBytes: 150, maxTextBytes: 150 });
    const asDocument = await readText(input, { format: 'json', maxRecordBytes: 150 });
    // Assess
    expect(asNdjson.accepted.map((a) => a.record.eventName)).toEqual(['A']);
    expect(asNdjson.rejected[0]?.message).toMatch(/^record is \d+ bytes; the limit is 150$/);
    expect(asDocument.accepted.map((a) => a.record.eventName)).toEqual(['A']);
  });

  it('reports a digest file as a skipped document, not as a record', async () => {
    // Act
    const read = await readText(JSON.stringify({ digestStartTime: 'a', digestEndTime: 'b', logFiles: [] }, null, 2), { source: 'digest.json' });
    // Assess
    expect(read.accepted.length + read.rejected.length).toBe(0);
    expect(read.skipped).toEqual([{ reason: 'cloudtrail-digest', message: 'CloudTrail digest file holds no records', location: { source: 'digest.json', line: 1 } }]);
  });

  it('rejects invalid UTF-8 as invalid-json and strips a leading byte order mark', async () => {
    // Prepare
    const good = utf8(`\uFEFF${JSON.stringify(validRecord('A'))}\n`);
    const bad = Uint8Array.of(...utf8('{"eventName":"'), 0xff, ...utf8('"}\n'));
    // Act
    const read = await readText([good, bad], { source: 'x.ndjson' });
    // Assess
    expect(read.accepted.map((a) => a.record.eventName)).toEqual(['A']);
    expect(read.rejected.map((r) => [r.reason, r.location.line])).toEqual([['invalid-json', 2]]);
  });

  it('yields one batch per chunk, splits large chunks at 1000 records, and ends with one endOfSource batch', async () => {
    // Prepare
    const line = `${JSON.stringify(validRecord('A'))}\n`;
    const chunks = [utf8(line.repeat(2500)), utf8(line), utf8('')];
    // Act
    const read = await readText(chunks, { source: 'x.ndjson' });
    // Assess
    expect(read.batches.map((b) => [b.accepted.length, b.bytesRead, b.endOfSource])).toEqual([
      [1000, line.length * 2500, false],
      [1000, line.length * 2500, false],
      [500, line.length * 2500, false],
      [1, line.length * 2501, false],
      [0, line.length * 2501, false],
      [0, line.length * 2501, true],
    ]);
    expect(read.accepted.map((a) => a.location.index)).toEqual(Array.from({ length: 2501 }, (_, i) => i));
  });

  it('yields a single endOfSource batch for empty input', async () => {
    expect((await readText([])).batches).toEqual([{ accepted: [], rejected: [], skipped: [], bytesRead: 0, endOfSource: true }]);
  });

  it('reports truncated documents once and keeps the records before the cut', async () => {
    // Prepare
    const full = JSON.stringify({ Records: [validRecord('A'), validRecord('B')] }, null, 1);
    // Act
    const read = await readText(full.slice(0, full.indexOf('"B"') + 5));
    // Assess
    expect(read.accepted.map((a) => a.record.eventName)).toEqual(['A']);
    expect(read.rejected).toEqual([
      { reason: 'truncated', message: expect.stringMatching(/^input ended at line \d+ inside the value that starts at line 8$/) as string, location: { source: 'test', line: 8, index: 1, path: 'Records[1]' } },
    ]);
  });
});
