import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { useTempDir } from '../../test/temp-dir';
import { FLOOR_READ_CHUNK_BYTES, FloorParseError, jsonParseFloor } from './json-parse-floor';

const tempDir = useTempDir();

describe('jsonParseFloor', () => {
  it('parses every line, including lines split across chunks, multi-byte text, CRLF and a last line without newline', async () => {
    const long = { eventName: 'x'.repeat(FLOOR_READ_CHUNK_BYTES + 10) };
    const lines = [JSON.stringify({ eventName: 'Describé' }), JSON.stringify(long), '', `${JSON.stringify({ eventName: '😀' })}\r`, JSON.stringify({ eventName: 'Last' })];
    const file = path.join(tempDir(), 'lines.ndjson');
    writeFileSync(file, lines.join('\n'));
    const result = await jsonParseFloor(file);
    expect(result).toEqual({
      records: 4,
      bytes: Buffer.byteLength(lines.join('\n')),
      touchedChars: 'Describé'.length + long.eventName.length + '😀'.length + 'Last'.length,
    });
  });

  it('names the line that is not JSON', async () => {
    const file = path.join(tempDir(), 'broken.ndjson');
    writeFileSync(file, '{"eventName":"A"}\n{broken\n');
    await expect(jsonParseFloor(file)).rejects.toThrow(FloorParseError);
    await expect(jsonParseFloor(file)).rejects.toThrow('line 2 is not JSON');
  });
});
