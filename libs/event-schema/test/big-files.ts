/** Writes large CloudTrail files fast: a block of distinct synthetic records, repeated. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { syntheticRecord } from './synthetic-records';

const BLOCK_RECORDS = 4096;

export type BigFileShape = 'ndjson' | 'records';

/** Writes `count` records to `file` as NDJSON or as one `{"Records":[...]}` document; returns its size. */
export function writeBigFile(file: string, count: number, shape: BigFileShape): number {
  const texts = Array.from({ length: BLOCK_RECORDS }, (_, i) => JSON.stringify(syntheticRecord(i)));
  const separator = shape === 'ndjson' ? '\n' : ',';
  const fd = openSync(file, 'w');
  let size = 0;
  const write = (text: string): void => {
    size += writeSync(fd, Buffer.from(text));
  };
  try {
    if (shape === 'records') write('{"Records":[');
    const fullBlock = texts.join(separator);
    for (let written = 0; written < count; written += BLOCK_RECORDS) {
      const block = count - written >= BLOCK_RECORDS ? fullBlock : texts.slice(0, count - written).join(separator);
      write(written === 0 ? block : `${separator}${block}`);
    }
    write(shape === 'records' ? ']}' : '\n');
  } finally {
    closeSync(fd);
  }
  return size;
}
